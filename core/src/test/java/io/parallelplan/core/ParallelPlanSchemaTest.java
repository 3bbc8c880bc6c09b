package io.parallelplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.PlanParser;
import io.parallelplan.core.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema we publish accepts every real plan, declares every field we read, and rejects what we reject. */
class ParallelPlanSchemaTest {
    private static final String RESOURCE = "/io/parallelplan/core/parallel-plan.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] resource() throws IOException {
        try (InputStream in = ParallelPlanSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("core resource %s", RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new String(resource(), java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
    }

    @Test
    void shouldPublishTheSameSchemaInDocsAndInTheJar() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/parallel-plan.schema.json");
        assertThat(Files.readAllBytes(docs)).isEqualTo(resource());
        assertThat(JSON.readTree(resource()).get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void shouldAcceptEveryCorpusPlan() throws IOException {
        Schema schema = schema();
        for (Path file : Corpus.planFiles()) {
            assertThat(schema.validate(Files.readString(file), InputFormat.JSON)).as("schema errors in %s", file)
                    .isEmpty();
        }
    }

    @Test
    void shouldDeclareEveryFieldTheParserReadsInTheCorpus() throws IOException {
        JsonNode defs = JSON.readTree(resource()).get("$defs");
        Set<String> top = names(JSON.readTree(resource()).get("properties"));
        Set<String> achievement = names(defs.get("node").get("properties"));
        Set<String> execution = new HashSet<>(achievement);
        achievement.addAll(names(defs.get("achievement").get("properties")));
        execution.addAll(names(defs.get("execution").get("properties")));
        for (Path file : Corpus.planFiles()) {
            Set<String> unknown = new HashSet<>();
            for (Finding f : new PlanParser().parse(file).findings()) {
                if (f.code().equals("unknown-field")) {
                    unknown.add(f.message().replaceAll(".*field \"([^\"]*)\".*", "$1"));
                }
            }
            JsonNode plan = JSON.readTree(file.toFile());
            assertThat(known(plan, unknown)).as("top-level fields of %s", file).isSubsetOf(top);
            for (JsonNode a : plan.get("achievements")) {
                assertThat(known(a, unknown)).as("achievement fields of %s", file).isSubsetOf(achievement);
                for (JsonNode e : a.path("sub_executions")) {
                    assertThat(known(e, unknown)).as("sub-execution fields of %s", file).isSubsetOf(execution);
                }
            }
        }
    }

    @Test
    void shouldRejectWhatValidationRejects() throws IOException {
        Schema schema = schema();
        assertThat(schema.validate("{\"plan_name\": \"x\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"../x\"}]}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"..\"}]}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"title\": \"no id\"}]}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"a\", \"dependencies\": \"x\"}]}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"a\", \"command\": true}]}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"a\", \"estimated_hours\": \"lots\"}]}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"a\", \"estimated_hours\": -1}]}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"achievements\": [{\"achievement_id\": \"a\", \"estimated_hours\": \"2-3 hours\", "
                + "\"status\": \"complete\", \"owner\": \"kept\"}]}", InputFormat.JSON)).isEmpty();
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> known(JsonNode object, Set<String> unknown) {
        Set<String> fields = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!unknown.contains(name)) {
                fields.add(name);
            }
        }
        return fields;
    }
}
