package io.parallelplan.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path reads plain plans exactly as the full reader does, and leaves everything else to it. */
class FastPlanReaderTest {
    private final PlanParser parser = new PlanParser();

    /** A folder of its own (jqwik's properties have no {@code @TempDir}); the plan's name may come from it. */
    private final Path dir;

    FastPlanReaderTest() throws IOException {
        dir = Files.createTempDirectory("fast-plan-reader");
        dir.toFile().deleteOnExit();
        dir.resolve("parallel.json").toFile().deleteOnExit();
    }

    @Property(tries = 200)
    void shouldReadPlainPlansExactlyAsTheFullReaderDoes(@ForAll long seed) throws IOException {
        String json = plainPlan(new Random(seed));
        Path file = write(json);
        ParsedPlan fast = read(json);
        assertThat(fast).as("the fast path takes a plain plan").isNotNull();
        assertSame(fast, parser.parseFully(file));
        assertSame(parser.parse(file), parser.parseFully(file));
    }

    @Test
    void shouldShareOneStringPerIdBetweenAchievementsAndDependencies() {
        ParsedPlan parsed = read("""
                {"plan_name": "P", "parallelization_level": "level_2", "achievements": [
                  {"achievement_id": "1.1", "dependencies": ["1.2"]},
                  {"achievement_id": "1.2", "dependencies": ["1.1"]}
                ]}
                """);
        List<Achievement> a = parsed.plan().achievements();
        assertThat(a.get(0).dependencies().get(0)).isSameAs(a.get(1).id());
        assertThat(a.get(1).dependencies().get(0)).isSameAs(a.get(0).id());
    }

    @Test
    void shouldReadStringsLongerThanItsBuffer() throws IOException {
        String title = "t".repeat(200_000);
        String json = "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"title\": \"" + title
                + "\", \"dependencies\": []}]}";
        ParsedPlan fast = read(json);
        assertThat(fast.plan().achievements().get(0).title()).isEqualTo(title);
        assertSame(fast, parser.parseFully(write(json)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"title\": \"a \\\"b\\\"\"}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"title\": \"é\"}]}",
        "{\"plan_name\": \"P\",\r\n \"achievements\": []}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"retries\": 2}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"notes\": \"a\", \"notes\": \"b\"}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"title\": null}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": 1.1}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"estimated_hours\": 100}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"estimated_hours\": 2.5}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"estimated_hours\": 07}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": [\" 1.2\"]}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\", \"dependencies\": \"1.2\"}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\"}]} {}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\"}], \"priority_groups\": []}",
        "{\"plan_name\": \"P\", \"plan_name\": \"Q\", \"achievements\": []}",
        "{\"plan_name\": \"P\"}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\",}]}",
        "{\"plan_name\": \"P\", \"achievements\": [{\"achievement_id\": \"1.1\"",
        "\uFEFF{\"plan_name\": \"P\", \"achievements\": []}",
        "[]",
    })
    void shouldLeaveEverythingElseToTheFullReader(String json) {
        assertThat(read(json)).isNull();
    }

    private ParsedPlan read(String json) {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return FastPlanReader.read(in, dir.resolve("parallel.json"), ParseLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("parallel.json");
        Files.writeString(file, json);
        return file;
    }

    /** Same plan, same achievements (field by field), same locations, same findings. */
    private static void assertSame(ParsedPlan actual, ParsedPlan expected) {
        Plan a = actual.plan();
        Plan e = expected.plan();
        assertThat(a.name()).isEqualTo(e.name());
        assertThat(a.hasDeclaredName()).isEqualTo(e.hasDeclaredName());
        assertThat(a.parallelizationLevel()).isEqualTo(e.parallelizationLevel());
        assertThat(a.source()).isEqualTo(e.source());
        assertThat(a.achievements()).isEqualTo(e.achievements());
        for (int i = 0; i < a.size(); i++) {
            Achievement x = a.achievements().get(i);
            Achievement y = e.achievements().get(i);
            assertThat(x.location()).as("location of %s", y.id()).isEqualTo(y.location());
            assertThat(x.dependencyLocations()).as("dependency locations of %s", y.id())
                    .isEqualTo(y.dependencyLocations());
            assertThat(x.estimate()).isEqualTo(y.estimate());
            assertThat(x.status()).isEqualTo(y.status());
            assertThat(x.command()).isEqualTo(y.command());
            assertThat(x.executor()).isEqualTo(y.executor());
            assertThat(x.validationScript()).isEqualTo(y.validationScript());
        }
        assertThat(actual.findings()).isEqualTo(expected.findings());
    }

    /** A random plan of the plain shape: any field order, white space and line breaks, optional fields. */
    private static String plainPlan(Random r) {
        StringBuilder b = new StringBuilder();
        List<String> top = new ArrayList<>();
        if (r.nextInt(4) > 0) {
            top.add("\"plan_name\":" + ws(r) + "\"" + pick(r, "DEMO", "", "my plan", "X-1") + "\"");
        }
        if (r.nextInt(4) > 0) {
            top.add("\"parallelization_level\":" + ws(r) + "\"" + pick(r, "level_2", "level_1", "2", "Level 3") + "\"");
        }
        int n = r.nextInt(12);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(pick(r, "1.", "2.", "A", "x_") + (r.nextInt(5) + 1));
        }
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            List<String> fields = new ArrayList<>();
            if (r.nextInt(8) > 0) {
                fields.add("\"achievement_id\":" + ws(r) + "\"" + ids.get(i) + "\"");
            }
            if (r.nextBoolean()) {
                fields.add("\"title\":" + ws(r) + "\"Step " + i + "\"");
            }
            if (r.nextInt(5) > 0) {
                StringBuilder deps = new StringBuilder("[");
                int k = n == 0 ? 0 : r.nextInt(4);
                for (int j = 0; j < k; j++) {
                    deps.append(j == 0 ? ws(r) : "," + ws(r)).append('"')
                            .append(r.nextInt(6) == 0 ? "9.9" : ids.get(r.nextInt(n))).append('"');
                }
                fields.add("\"dependencies\":" + ws(r) + deps.append(ws(r)).append(']'));
            }
            if (r.nextBoolean()) {
                fields.add("\"estimated_hours\":" + ws(r) + pick(r, "0", "7", "42", "99", "\"3-5\"", "\"2.5\"",
                        "\"-1\"", "\"soon\"", "\"4 to 6 hours\""));
            }
            if (r.nextInt(3) == 0) {
                fields.add("\"status\":" + ws(r) + "\"" + pick(r, "complete", "done", "not_started", "in_progress")
                        + "\"");
            }
            if (r.nextInt(4) == 0) {
                fields.add("\"command\":" + ws(r) + "\"make t" + i + "\"");
            }
            if (r.nextInt(5) == 0) {
                fields.add("\"executor\":" + ws(r) + "\"" + pick(r, "alice", "bob") + "\"");
            }
            if (r.nextInt(6) == 0) {
                fields.add("\"validation_script\":" + ws(r) + "\"check.sh\"");
            }
            if (r.nextInt(5) == 0) {
                fields.add("\"description\":" + ws(r) + "\"d\"");
            }
            if (r.nextInt(5) == 0) {
                fields.add("\"notes\":" + ws(r) + "\"n\"");
            }
            java.util.Collections.shuffle(fields, r);
            list.append(i == 0 ? ws(r) : "," + ws(r)).append('{').append(ws(r))
                    .append(String.join("," + ws(r), fields)).append(ws(r)).append('}');
        }
        top.add("\"achievements\":" + ws(r) + list.append(ws(r)).append(']'));
        java.util.Collections.shuffle(top, r);
        b.append(ws(r)).append('{').append(ws(r)).append(String.join("," + ws(r), top)).append(ws(r)).append('}')
                .append(ws(r));
        return b.toString();
    }

    private static String ws(Random r) {
        return pick(r, "", "", " ", "\n", "\n  ", "\t", " \n\t ", "\n\n");
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
