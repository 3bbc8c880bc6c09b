package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptCommandsTest {
    @TempDir
    Path dir;

    private final Map<String, Achievement> plan = new HashMap<>();

    private AttemptCommands commands(ExecTemplate exec, Achievement... achievements) {
        AttemptCommands commands = new AttemptCommands(dir, "P", exec, plan::get);
        for (Achievement a : achievements) {
            plan.put(a.id(), a);
            commands.add(a.id(), a);
        }
        return commands;
    }

    @Test
    void shouldTakeTheCommandThenTheScriptThenExec() throws Exception {
        Files.createDirectories(dir.resolve("checks"));
        Path script = Files.writeString(dir.resolve("checks/run.sh"), "true\n");
        Path plain = Files.writeString(dir.resolve("checks/plain.sh"), "true\n");
        script.toFile().setExecutable(true);
        AttemptCommands commands = commands(new ExecTemplate("make {nn}"),
                Achievement.builder("1.1").command("echo own").validationScript("checks/run.sh").build(),
                Achievement.builder("1.2").validationScript("checks/run.sh").build(),
                Achievement.builder("1.3").validationScript("checks/plain.sh").build(),
                Achievement.builder("1.4").validationScript("checks/missing.sh").build(),
                Achievement.builder("1.5").command("  ").build());

        assertThat(commands.command("1.1")).isEqualTo("echo own");
        assertThat(commands.command("1.2")).isEqualTo(ShellQuote.quote(script.toAbsolutePath().toString()));
        assertThat(commands.command("1.3")).isEqualTo("sh " + ShellQuote.quote(plain.toAbsolutePath().toString()));
        assertThat(commands.command("1.4")).isEqualTo("make 14");
        assertThat(commands.command("1.5")).isEqualTo("make 15");
        assertThat(commands.missing()).isEmpty();
    }

    @Test
    void shouldKeepTheScriptDecidedWhenAdded() throws Exception {
        Files.createDirectories(dir.resolve("checks"));
        Path script = Files.writeString(dir.resolve("checks/run.sh"), "true\n");
        AttemptCommands commands = commands(new ExecTemplate("true"),
                Achievement.builder("1.1").validationScript("checks/run.sh").build(),
                Achievement.builder("1.2").validationScript("checks/later.sh").build());
        Files.delete(script);
        Files.writeString(dir.resolve("checks/later.sh"), "true\n");

        assertThat(commands.command("1.1")).isEqualTo("sh " + ShellQuote.quote(script.toAbsolutePath().toString()));
        assertThat(commands.command("1.2")).isEqualTo("true");
    }

    @Test
    void shouldListWhatHasNothingToRun() {
        AttemptCommands commands = commands(null,
                Achievement.builder("1.1").command("echo own").build(),
                Achievement.builder("1.2").build(),
                Achievement.builder("1.3").validationScript("checks/missing.sh").build());

        assertThat(commands.missing()).containsExactly(
                new AttemptCommands.Missing("1.2", "no command, no validation_script"),
                new AttemptCommands.Missing("1.3", "validation_script checks/missing.sh not found in " + dir));
        assertThat(commands.command("1.1")).isEqualTo("echo own");
        assertThatThrownBy(() -> commands.command("1.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no command was resolved for 1.2");
    }

    @Test
    void shouldShareOneCommandWhenTheTemplateHasNoPlaceholder() {
        AttemptCommands commands = commands(new ExecTemplate("true"),
                Achievement.builder("1.1").build(), Achievement.builder("1.2").build());

        assertThat(List.of(commands.command("1.1"), commands.command("1.2"))).containsExactly("true", "true");
        assertThat(commands.command("1.1")).isSameAs(commands.command("1.2"));
    }
}
