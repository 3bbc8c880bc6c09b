package io.parallelplan.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExecTemplateTest {
    @Test
    void shouldSubstituteEveryPlaceholder() {
        ExecTemplate t = new ExecTemplate("make {nn} ID={id} PLAN={plan} T={title}");

        assertThat(t.expand("1.10", "Build", "MY-PLAN")).isEqualTo("make 110 ID=1.10 PLAN=MY-PLAN T=Build");
    }

    @Test
    void shouldUseTheOwnIdOfASubExecutionForNn() {
        assertThat(new ExecTemplate("{id} {nn}").expand("2.1/2.1.1", "", "P")).isEqualTo("2.1/2.1.1 211");
    }

    @Test
    void shouldLeaveOtherBracesAlone() {
        assertThat(new ExecTemplate("echo ${HOME} {a,b} {unknown} {id").expand("1.1", "t", "p"))
                .isEqualTo("echo ${HOME} {a,b} {unknown} {id");
    }

    @Test
    void shouldKeepAHostileTitleOneHarmlessWord() throws Exception {
        String hostile = "x'; touch pwned; echo '$(touch pwned2) `touch pwned3` \"q\" \\";
        String command = new ExecTemplate("printf '%s' {title}").expand("1.1", hostile, "p");

        assertThat(run(command)).isEqualTo(hostile);
    }

    @Test
    void shouldQuoteAnEmptyTitle() {
        assertThat(new ExecTemplate("echo {title}").expand("1.1", "", "p")).isEqualTo("echo ''");
    }

    @Test
    void shouldRefuseABlankTemplate() {
        assertThatThrownBy(() -> new ExecTemplate("  ")).hasMessageContaining("--exec needs a command");
    }

    private static String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(java.nio.file.Files.createTempDirectory("exec-template").toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
