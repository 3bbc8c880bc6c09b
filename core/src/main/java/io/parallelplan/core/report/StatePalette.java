package io.parallelplan.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * The colours reports give to states. Run states ({@code SUCCEEDED}, {@code FAILED}, ...) and plan-folder statuses
 * ({@code COMPLETE}, {@code EXECUTION_CREATED}, ...) share a handful of {@link Tone}s, so a legend stays short and the
 * same colour means the same thing in the graph, the timeline and the table. Colours are chosen for dark text on a
 * light fill (WCAG AA contrast) and differ in lightness as well as hue.
 */
public final class StatePalette {
    private StatePalette() {}

    /** A family of states drawn alike, in the order legends and counts list them. */
    public enum Tone {
        SUCCEEDED("#c6ecd0", "#1e7b34", "succeeded / complete"),
        FLAKY("#fde7a0", "#9a5b00", "flaky (passed after a retry)"),
        FAILED("#f8bcbc", "#b42318", "failed"),
        BLOCKED("#e4d2fb", "#6d28d9", "blocked by a failure"),
        CANCELLED("#d9dce1", "#3f4754", "cancelled"),
        SKIPPED("#f1f3f5", "#7b8594", "skipped"),
        RUNNING("#cfe1ff", "#1d4ed8", "running / in progress"),
        WAITING("#ffffff", "#56627a", "waiting / not started"),
        UNKNOWN("#ffffff", "#9aa3b2", "no state");

        private final String fill;
        private final String stroke;
        private final String label;

        Tone(String fill, String stroke, String label) {
            this.fill = fill;
            this.stroke = stroke;
            this.label = label;
        }

        /** The fill colour (CSS hex). */
        public String fill() {
            return fill;
        }

        /** The outline colour (CSS hex), dark enough for text. */
        public String stroke() {
            return stroke;
        }

        /** What the legend says. */
        public String label() {
            return label;
        }

        /** A CSS class name, e.g. {@code pp-s-failed}. */
        public String cssClass() {
            return "pp-s-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, Tone> TONES = Map.ofEntries(
            Map.entry("SUCCEEDED", Tone.SUCCEEDED),
            Map.entry("SUCCESS", Tone.SUCCEEDED),
            Map.entry("COMPLETE", Tone.SUCCEEDED),
            Map.entry("FLAKY", Tone.FLAKY),
            Map.entry("FAILED", Tone.FAILED),
            Map.entry("TIMED_OUT", Tone.FAILED),
            Map.entry("BLOCKED", Tone.BLOCKED),
            Map.entry("CANCELLED", Tone.CANCELLED),
            Map.entry("INTERRUPTED", Tone.CANCELLED),
            Map.entry("SKIPPED", Tone.SKIPPED),
            Map.entry("RUNNING", Tone.RUNNING),
            Map.entry("IN_PROGRESS", Tone.RUNNING),
            Map.entry("SUBPLAN_CREATED", Tone.RUNNING),
            Map.entry("EXECUTION_CREATED", Tone.RUNNING),
            Map.entry("READY", Tone.WAITING),
            Map.entry("PENDING", Tone.WAITING),
            Map.entry("NOT_STARTED", Tone.WAITING));

    /** The tone of a state (case-insensitive); {@link Tone#UNKNOWN} for {@code null} or an unknown state. */
    public static Tone tone(String state) {
        if (state == null) {
            return Tone.UNKNOWN;
        }
        return TONES.getOrDefault(state.toUpperCase(Locale.ROOT), Tone.UNKNOWN);
    }

    /** Whether dependents of an achievement in this state cannot run (FAILED, BLOCKED, CANCELLED). */
    public static boolean isBlocking(String state) {
        Tone t = tone(state);
        return t == Tone.FAILED || t == Tone.BLOCKED || t == Tone.CANCELLED;
    }
}
