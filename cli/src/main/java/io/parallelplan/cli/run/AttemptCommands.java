package io.parallelplan.cli.run;

import io.parallelplan.core.model.Achievement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What each achievement runs, decided once before anything starts: its {@code command}; else its
 * {@code validation_script} (a path relative to the plan folder; run directly when executable, else with
 * {@code sh}); else the {@code --exec} template. A {@code validation_script} that does not exist falls through to
 * {@code --exec}; without one the achievement has nothing to run and is listed in {@link #missing()}.
 *
 * <p>Only the decisions that depend on the files (validation scripts) are kept; a {@code command} or an
 * {@code --exec} expansion is made again from the definition when asked for, so that a plan of a million achievements
 * costs no table of a million commands.
 */
public final class AttemptCommands {
    /** An achievement with nothing to run, and why. */
    public record Missing(String id, String reason) {}

    /** The commands of the achievements decided by their validation_script. */
    private final Map<String, String> scripts = new HashMap<>();
    private final List<Missing> missing = new ArrayList<>();
    private final Path planFolder;
    private final String planName;
    private final ExecTemplate exec;
    private final Function<String, Achievement> definitions;

    /**
     * @param planFolder the folder holding the plan; validation scripts are resolved against it
     * @param planName substituted for {@code {plan}}
     * @param exec the {@code --exec} template, or {@code null} when none was given
     * @param definitions the definition of each id that is {@link #add added} (e.g. {@code SchedulePlan::achievement})
     */
    public AttemptCommands(
            Path planFolder, String planName, ExecTemplate exec, Function<String, Achievement> definitions) {
        this.planFolder = Objects.requireNonNull(planFolder, "planFolder cannot be null");
        this.planName = Objects.requireNonNull(planName, "planName cannot be null");
        this.exec = exec;
        this.definitions = Objects.requireNonNull(definitions, "definitions cannot be null");
    }

    /** Decides what {@code id} (as shown in output, e.g. {@code 2.1/2.1.1}) runs; call once per achievement. */
    public void add(String id, Achievement achievement) {
        if (hasCommand(achievement)) {
            return;
        }
        String script = achievement.validationScript();
        String scriptProblem = null;
        if (script != null && !script.isBlank()) {
            Path file = planFolder.resolve(script).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                String quoted = ShellQuote.quote(file.toString());
                scripts.put(id, Files.isExecutable(file) ? quoted : "sh " + quoted);
                return;
            }
            scriptProblem = "validation_script " + script + " not found in " + planFolder;
        }
        if (exec != null) {
            return;
        }
        missing.add(new Missing(id, scriptProblem != null
                ? scriptProblem
                : "no command, no validation_script"));
    }

    /** The shell command of an achievement that was added and has one. */
    public String command(String id) {
        String script = scripts.get(id);
        if (script != null) {
            return script;
        }
        Achievement achievement = definitions.apply(id);
        if (hasCommand(achievement)) {
            return achievement.command();
        }
        if (exec != null) {
            return exec.expand(id, achievement.title(), planName);
        }
        throw new IllegalArgumentException("no command was resolved for " + id);
    }

    private static boolean hasCommand(Achievement achievement) {
        String command = achievement.command();
        return command != null && !command.isBlank();
    }

    /** Achievements with nothing to run, in the order they were added. */
    public List<Missing> missing() {
        return List.copyOf(missing);
    }
}
