package io.parallelplan.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.discover.DiscoveredAchievement;
import io.parallelplan.core.discover.DiscoveredPlan;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.scaffold.PlanSnapshot;
import io.parallelplan.core.scaffold.ScaffoldKind;
import io.parallelplan.core.status.PlanFolder;
import io.parallelplan.core.status.StatusReader;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Titles, PLAN sections and SUBPLANs full of Markdown and HTML cannot change a prompt's structure: a CommonMark
 * parser finds exactly the prompt's own headings, no HTML, and the quoted text intact inside its fences.
 */
class PromptHostileTextTest {
    private static final String[] PIECES = {
        "#", "## ", "\n", "\r\n", "\r", "```", "~~~", "````", "`", "<", ">", "<script>alert(1)</script>", "</div>",
        "<!--", "-->", "&lt;", "&amp;", "*", "**", "_", "[", "](http://x)", "!", "|", "\\", "---", "===", "\t",
        "\u0000", "\u001b[31m", "\u2028", " ", "a", "1. ", "- ", "> ", "../", "    ", "\n\n", "# Injected\n"
    };

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(PIECES).list().ofMaxSize(14).map(l -> String.join("", l));
    }

    @Property(tries = 150)
    void shouldKeepThePromptsOutlineWhateverThePlanSays(@ForAll("hostile") String title,
            @ForAll("hostile") String section, @ForAll("hostile") String design, @ForAll boolean execution)
            throws IOException {
        Path tmp = Files.createTempDirectory("prompt-hostile");
        try {
            PromptBatch.Prompt p = prompt(tmp, title, section, design, execution);
            MarkdownOutline outline = MarkdownOutline.of(p.text());

            String kind = execution ? "EXECUTION_TASK" : "SUBPLAN";
            List<String> expected = new ArrayList<>(List.of("# " + kind + " prompt: 1.1 " + rendered(p.title()),
                    "## The achievement", "## Dependencies", "## Read first", "## What the PLAN says"));
            List<String> fences = new ArrayList<>();
            if (!section.isBlank()) {
                fences.add(quoted(section));
            }
            if (execution) {
                expected.addAll(List.of("## The SUBPLAN it follows: subplans/SUBPLAN_H_11.md",
                        "## The file to write: execution/EXECUTION_TASK_H_11_01.md", "## The feedback loop"));
                fences.add(design.isBlank() ? "(the SUBPLAN is empty)\n" : quoted(design));
            } else {
                expected.addAll(List.of("## The file to write: subplans/SUBPLAN_H_11.md", "## When you are done"));
            }
            assertThat(outline.headings()).containsExactlyElementsOf(expected);
            assertThat(outline.fences()).containsExactlyElementsOf(fences);
            assertThat(outline.html()).isZero();
            assertThat(p.fileName())
                    .isEqualTo(execution ? "PROMPT_EXECUTION_TASK_H_11_01.md" : "PROMPT_SUBPLAN_H_11.md");
        } finally {
            delete(tmp);
        }
    }

    @Test
    void shouldKeepAHeadingInATitleOnItsLineAndAFenceInASectionInsideTheQuote() throws IOException {
        Path tmp = Files.createTempDirectory("prompt-hostile");
        try {
            PromptBatch.Prompt p = prompt(tmp, "Parser\n# Injected <b>bold</b>", "Goal\n```\n## Not a heading\n~~~\n",
                    "", false);
            MarkdownOutline outline = MarkdownOutline.of(p.text());

            assertThat(outline.headings()).first().isEqualTo("# SUBPLAN prompt: 1.1 Parser # Injected <b>bold</b>");
            assertThat(outline.headings()).noneMatch(h -> h.startsWith("## Not") || h.equals("# Injected"));
            assertThat(outline.fences()).containsExactly("Goal\n```\n## Not a heading\n~~~\n");
            assertThat(outline.html()).isZero();
            assertThat(p.text()).contains("````markdown\nGoal\n```\n");
        } finally {
            delete(tmp);
        }
    }

    /** The prompt for the one achievement {@code 1.1} of a plan {@code H} with this title, section and SUBPLAN. */
    private static PromptBatch.Prompt prompt(Path tmp, String title, String section, String design,
            boolean execution) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("H"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = json.createObjectNode().put("plan_name", "H");
        plan.putArray("achievements").addObject().put("achievement_id", "1.1").put("title", title)
                .put("estimated_hours", 2).putArray("dependencies");
        Files.writeString(folder.resolve("parallel.json"), json.writeValueAsString(plan));
        Files.writeString(folder.resolve("PLAN_H.md"), "# PLAN: H\n");
        if (execution) {
            Files.createDirectories(folder.resolve("subplans"));
            Files.write(folder.resolve("subplans/SUBPLAN_H_11.md"), design.getBytes(StandardCharsets.UTF_8));
        }
        PlanFolder where = PlanFolder.locate(folder);
        LoadedPlan loaded = new PlanLoader().load(where.planFile()).requireValid();
        DiscoveredPlan markdown = new DiscoveredPlan("H", where.markdownFile(), List.of(new DiscoveredAchievement(
                "1.1", title, Estimate.ABSENT, null, true, List.of(), null, new SourceLocation(1, 1), section)),
                List.of());
        PlanSnapshot snapshot = new PlanSnapshot(loaded, new StatusReader().read(where, loaded), markdown);
        PromptBatch batch = new Prompter().prepare(snapshot, new PromptRequest(
                execution ? ScaffoldKind.EXECUTIONS : ScaffoldKind.SUBPLANS, null, List.of("1.1"), false, null));
        assertThat(batch.refusals()).isEmpty();
        return batch.prompts().get(0);
    }

    /** A title as a heading shows it: stripped, on one line, control characters replaced. */
    private static String rendered(String title) {
        String t = title.isBlank() ? "(untitled)" : title.strip();
        return t.replaceAll("[\r\n\t]", " ").replaceAll("[\\x00-\\x1f]", "\uFFFD");
    }

    /** Text as a fenced block holds it: line endings as \n, control characters replaced, a final line break. */
    private static String quoted(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0b-\\x1f]", "\uFFFD");
        return t.endsWith("\n") ? t : t + "\n";
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
