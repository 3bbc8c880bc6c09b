package io.parallelplan.core.status;

import io.parallelplan.core.model.Finding;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of a plan folder at one moment: each achievement's status and files, progress, what can be done now and
 * what a failure holds back.
 *
 * @param planName the plan name used in file names
 * @param folder where the plan lives
 * @param achievements every achievement, in plan order
 * @param ready ids whose dependencies are done and which are not done themselves, longest remaining path of
 *     estimated hours first, then plan order
 * @param blocked ids held back by a failed dependency, each with its chain: the dependency that holds it back, that
 *     one's, and so on down to the failed achievement (plan order)
 * @param progress done/total overall and by level
 * @param findings id collisions, {@code parallel.json} statuses the files contradict, files that match no achievement
 */
public record PlanStatus(
        String planName,
        PlanFolder folder,
        List<Entry> achievements,
        List<String> ready,
        Map<String, List<String>> blocked,
        Progress progress,
        List<Finding> findings) {

    public PlanStatus {
        Objects.requireNonNull(planName, "planName cannot be null");
        Objects.requireNonNull(folder, "folder cannot be null");
        achievements = List.copyOf(achievements);
        ready = List.copyOf(ready);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        blocked.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        blocked = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(progress, "progress cannot be null");
        findings = List.copyOf(findings);
    }

    /** The entry of one id. */
    public Optional<Entry> achievement(String id) {
        return achievements.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * One achievement's status.
     *
     * @param id its id
     * @param title its title
     * @param status what its files say
     * @param files its files, relative to the plan folder, sorted
     * @param declaredStatus the {@code status} written in {@code parallel.json}, or {@code null}
     * @param level its level (0: no dependencies)
     * @param hours its estimated hours (upper bound of a range; 1 when missing)
     * @param remainingHours the longest path of estimated hours still to do from it to the end of the plan
     */
    public record Entry(
            String id,
            String title,
            AchievementStatus status,
            List<String> files,
            String declaredStatus,
            int level,
            double hours,
            double remainingHours) {
        public Entry {
            files = List.copyOf(files);
        }

        /** The file that decided the status (APPROVED, FIX, ...), or empty when none did. */
        public Optional<String> decidingFile() {
            String wanted = switch (status) {
                case COMPLETE -> "APPROVED_";
                case FAILED -> "FIX_";
                case EXECUTION_CREATED -> "EXECUTION_TASK_";
                case SUBPLAN_CREATED -> "SUBPLAN_";
                case SKIPPED -> "SKIPPED_";
                default -> null;
            };
            if (wanted == null) {
                return Optional.empty();
            }
            return files.stream()
                    .filter(f -> Path.of(f).getFileName().toString().startsWith(wanted))
                    .filter(f -> !f.endsWith("_RESOLUTION.md"))
                    .findFirst();
        }
    }

    /**
     * Counts of done (complete or skipped) achievements and their estimated hours.
     *
     * @param done achievements complete or skipped
     * @param total all achievements
     * @param hoursDone estimated hours of the done ones
     * @param hoursTotal estimated hours of all
     */
    public record Count(int done, int total, double hoursDone, double hoursTotal) {
        /** Done as a whole percentage (100 for an empty plan). */
        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
        }
    }

    /**
     * Progress of the whole plan and of each level.
     *
     * @param overall the whole plan
     * @param levels level 0 first
     */
    public record Progress(Count overall, List<Count> levels) {
        public Progress {
            Objects.requireNonNull(overall, "overall cannot be null");
            levels = List.copyOf(levels);
        }
    }
}
