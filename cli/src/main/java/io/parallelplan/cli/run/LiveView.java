package io.parallelplan.cli.run;

import io.parallelplan.core.schedule.EventReason;
import io.parallelplan.core.schedule.RunEvent;
import io.parallelplan.core.schedule.TaskState;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal view: finished achievements scroll by as lines, and below them a block redrawn in place shows the
 * counts, the elapsed time, the ETA and every running achievement with its elapsed time.
 */
public final class LiveView implements RunDisplay {
    private static final String UP = "\u001b[%dA\r";
    private static final String CLEAR_DOWN = "\u001b[J";
    private static final int MAX_RUNNING_LINES = 15;

    private final PrintWriter out;
    private final Map<String, String> titles;
    private final int achievements;
    private final Eta eta;
    private final Clock clock;
    private final int width;
    private final Instant began;
    private final Map<String, RunEvent> running = new LinkedHashMap<>();
    private final Map<String, Instant> started = new HashMap<>();
    private final Map<TaskState, Integer> finals = new EnumMap<>(TaskState.class);
    private final StringBuilder scrolled = new StringBuilder();
    private int drawnLines;
    private boolean dirty = true;

    /**
     * @param titles the title of every achievement and sub-execution, by id
     * @param achievements how many achievements the count refers to (sub-executions not counted)
     * @param width the terminal's width in columns; longer lines are cut so the redraw stays aligned
     */
    public LiveView(PrintWriter out, Map<String, String> titles, int achievements, Eta eta, Clock clock, int width) {
        this.out = out;
        this.titles = titles;
        this.achievements = achievements;
        this.eta = eta;
        this.clock = clock;
        this.width = Math.max(40, width);
        this.began = clock.instant();
    }

    @Override
    public void onEvent(RunEvent e) {
        String id = e.taskId();
        boolean achievement = id.indexOf('/') < 0;
        if (e.to() == TaskState.RUNNING && e.reason() == EventReason.STARTED) {
            running.put(id, e);
            started.put(id, e.time());
        } else if (e.from() == TaskState.RUNNING) {
            running.remove(id);
        }
        if (e.to().isFinal() && achievement) {
            finals.merge(e.to(), 1, Integer::sum);
            Instant from = started.get(id);
            boolean passed = e.to() == TaskState.SUCCEEDED || e.to() == TaskState.FLAKY;
            eta.finished(id, passed && from != null ? Duration.between(from, e.time()) : null);
        }
        if (e.to().isFinal() || (e.to() == TaskState.READY && e.from() == TaskState.RUNNING)) {
            String text = EventLines.describe(e, started);
            if (text != null) {
                scrolled.append(mark(e.to())).append(' ').append(text);
                String title = titles.get(id);
                if (title != null && !title.isEmpty() && e.to().isFinal()) {
                    scrolled.append("  ").append(title);
                }
                scrolled.append('\n');
            }
        }
        dirty = true;
    }

    @Override
    public void onStop(EventReason kind, String reason, Instant time) {
        scrolled.append("■ stopping: ").append(reason).append('\n');
        dirty = true;
    }

    private static String mark(TaskState state) {
        return switch (state) {
            case SUCCEEDED -> "✓";
            case FLAKY -> "≈";
            case FAILED -> "✗";
            case BLOCKED -> "⊘";
            case CANCELLED -> "■";
            case SKIPPED -> "–";
            default -> "↻";
        };
    }

    @Override
    public void tick() {
        dirty = true;
        flush();
    }

    @Override
    public void flush() {
        if (!dirty) {
            return;
        }
        erase();
        for (String line : scrolled.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(cut(line)).append('\n');
            }
        }
        scrolled.setLength(0);
        draw();
        out.flush();
        dirty = false;
    }

    @Override
    public void finish() {
        dirty = true;
        flush();
        erase();
        out.flush();
    }

    private void erase() {
        if (drawnLines > 0) {
            out.append(String.format(UP, drawnLines)).append(CLEAR_DOWN);
            drawnLines = 0;
        }
    }

    private void draw() {
        Instant now = clock.instant();
        int done = finals.values().stream().mapToInt(Integer::intValue).sum();
        int failed = finals.getOrDefault(TaskState.FAILED, 0);
        int blocked = finals.getOrDefault(TaskState.BLOCKED, 0);
        StringBuilder head = new StringBuilder()
                .append(done).append('/').append(achievements).append(" done · ")
                .append(running.size()).append(" running");
        if (failed > 0) {
            head.append(" · ").append(failed).append(" failed");
        }
        if (blocked > 0) {
            head.append(" · ").append(blocked).append(" blocked");
        }
        head.append(" · elapsed ").append(clockText(Duration.between(began, now)));
        eta.remaining().ifPresent(left -> head.append(" · ETA ").append(clockText(left)));
        line(head.toString());
        int shown = 0;
        for (RunEvent e : running.values()) {
            if (shown == MAX_RUNNING_LINES) {
                line("  … and " + (running.size() - shown) + " more");
                break;
            }
            String title = titles.getOrDefault(e.taskId(), "");
            StringBuilder sb = new StringBuilder("  ▸ ")
                    .append(e.taskId())
                    .append("  ")
                    .append(EventLines.seconds(Duration.between(e.time(), now)));
            if (e.attempt() > 1) {
                sb.append(" (attempt ").append(e.attempt()).append(')');
            }
            if (!title.isEmpty()) {
                sb.append("  ").append(title);
            }
            line(sb.toString());
            shown++;
        }
    }

    private void line(String text) {
        out.append(cut(text)).append('\n');
        drawnLines++;
    }

    private String cut(String text) {
        return text.length() < width ? text : text.substring(0, width - 2) + "…";
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clockText(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
