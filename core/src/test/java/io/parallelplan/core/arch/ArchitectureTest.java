package io.parallelplan.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core stays a pure library: the plugin and the CLI depend on it, never the other way round. */
@AnalyzeClasses(packages = "io.parallelplan.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreDoesNotImportJenkinsOrPicocli = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "picocli..")
            .because("core is shared by the CLI and the Jenkins plugin and must build with Maven Central alone");

    @ArchTest
    static final ArchRule coreDoesNotPrint = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the library returns findings and events; the CLI and the plugin decide where output goes");
}
