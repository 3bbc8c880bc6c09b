package io.parallelplan.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSourceCheckTest {
    private static final Path PLUGIN = Path.of(System.getProperty("parallelplan.plugin.dir", "../jenkins-plugin"));
    private static final String STEPS = "src/main/java/io/parallelplan/jenkins/";
    private static final String VIEWS = "src/main/resources/io/parallelplan/jenkins/";

    @TempDir
    Path temp;

    private Path copy;

    @BeforeEach
    void copyPlugin() throws IOException {
        copy = temp.resolve("jenkins-plugin");
        try (Stream<Path> walk = Files.walk(PLUGIN)) {
            for (Path source : walk.filter(p -> !p.toString().contains("target")).toList()) {
                Path target = copy.resolve(PLUGIN.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private List<String> problems() throws IOException {
        return new PluginSourceCheck(copy).problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).as("%s contains the text the test breaks", file).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindNoProblemInThePluginSources() throws IOException {
        assertThat(new PluginSourceCheck(PLUGIN).problems()).isEmpty();
    }

    @Test
    void shouldCheckEveryStepOfThePlugin() throws IOException {
        try (Stream<Path> steps = Files.list(PLUGIN.resolve(STEPS))) {
            assertThat(steps.map(p -> p.getFileName().toString())).contains(
                    "ReadParallelPlanStep.java", "ParallelPlanStep.java", "AchievementStep.java",
                    "ValidateParallelPlanStep.java");
        }
    }

    @Test
    void shouldReportJavaThatDoesNotParse() throws IOException {
        edit(STEPS + "AchievementStep.java", "public String getId() {", "public String getId( {");

        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith(STEPS + "AchievementStep.java:").contains("does not parse"));
    }

    @Test
    void shouldReportAJellyFileThatDoesNotEscapeByDefault() throws IOException {
        edit(VIEWS + "ParallelPlanAction/summary.jelly", "<?jelly escape-by-default='true'?>", "");

        assertThat(problems()).containsExactly(VIEWS + "ParallelPlanAction/summary.jelly:1:1: does not start with "
                + "<?jelly escape-by-default='true'?>; make it the first line so every ${...} is escaped");
    }

    @Test
    void shouldReportMalformedJellyAndXml() throws IOException {
        edit(VIEWS + "ParallelPlanAction/index.jelly", "</l:layout>", "</l:layou>");
        edit("pom.xml", "</properties>", "");

        assertThat(problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("pom.xml:").contains("is not well-formed XML"))
                .anySatisfy(p -> assertThat(p).startsWith(VIEWS + "ParallelPlanAction/index.jelly:")
                        .contains("is not well-formed XML"));
    }

    @Test
    void shouldReportAMissingHelpFileForAParameter() throws IOException {
        Files.delete(copy.resolve(VIEWS + "ParallelPlanStep/help-maxParallel.html"));

        assertThat(problems()).containsExactly(STEPS + "ParallelPlanStep.java: step ParallelPlanStep has no "
                + VIEWS + "ParallelPlanStep/help-maxParallel.html; add help for the parameter maxParallel");
    }

    @Test
    void shouldReportANewSetterWithoutHelpOrConfigEntry() throws IOException {
        edit(STEPS + "ValidateParallelPlanStep.java", "@DataBoundSetter", "@DataBoundSetter\n    public void setColour(String c) {}\n\n    @DataBoundSetter");

        assertThat(problems()).containsExactly(
                STEPS + "ValidateParallelPlanStep.java: step ValidateParallelPlanStep has no " + VIEWS
                        + "ValidateParallelPlanStep/help-colour.html; add help for the parameter colour",
                STEPS + "ValidateParallelPlanStep.java: step ValidateParallelPlanStep: " + VIEWS
                        + "ValidateParallelPlanStep/config.jelly has no entry field=\"colour\"; add <f:entry field=\"colour\" ...>");
    }

    @Test
    void shouldReportAMissingConfigJellyAndMalformedHelp() throws IOException {
        Files.delete(copy.resolve(VIEWS + "AchievementStep/config.jelly"));
        Files.writeString(copy.resolve(VIEWS + "AchievementStep/help-id.html"), "<div>unclosed <b>bold</div>");

        assertThat(problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).isEqualTo(STEPS + "AchievementStep.java: step AchievementStep has no "
                        + VIEWS + "AchievementStep/config.jelly; add one for the Snippet Generator"))
                .anySatisfy(p -> assertThat(p).startsWith(VIEWS + "AchievementStep/help-id.html:")
                        .contains("is not well-formed XML"));
    }

    @Test
    void shouldReportGroovyThatDoesNotParse() throws IOException {
        edit(VIEWS + "ParallelPlanDsl.groovy", "script.steps.parallel(branches)", "script.steps.parallel(branches");

        assertThat(problems()).singleElement().asString()
                .startsWith(VIEWS + "ParallelPlanDsl.groovy:").contains("does not parse")
                .endsWith("; fix the Groovy syntax");
    }

    @Test
    void shouldReportAGroovyResourceThatNoAllowlistNames() throws IOException {
        Files.writeString(copy.resolve(VIEWS + "Extra.groovy"), "package io.parallelplan.jenkins\nclass Extra {}\n");

        assertThat(problems()).containsExactly(VIEWS + "Extra.groovy: no Java source names \"Extra.groovy\"; a"
                + " Pipeline loads it only when a GroovySourceFileAllowlist allows getResource(\"Extra.groovy\")");
    }

    @Test
    void shouldParseEveryExampleJenkinsfile() throws IOException {
        Path examples = PLUGIN.resolve("../examples/jenkins");
        try (Stream<Path> files = Files.list(examples)) {
            List<Path> jenkinsfiles = files.filter(f -> f.getFileName().toString().startsWith("Jenkinsfile")).toList();
            assertThat(jenkinsfiles).hasSizeGreaterThanOrEqualTo(4);
            for (Path file : jenkinsfiles) {
                assertThat(PluginSourceCheck.groovySyntax(file.toString(), Files.readString(file))).isEmpty();
            }
        }
        assertThat(PluginSourceCheck.groovySyntax("Jenkinsfile", "node { parallelPlan(file: 'p.json') { a -> }"))
                .singleElement().asString().startsWith("Jenkinsfile:1:").contains("does not parse");
    }
}
