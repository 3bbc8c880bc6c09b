package io.parallelplan.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real plans in {@code ../shared/corpus} (beside the repository on developer machines and in CI). Tests that use
 * it fail in CI when it is missing and are skipped elsewhere.
 */
public final class Corpus {
    private Corpus() {}

    /** The corpus folder; fails in CI, skips elsewhere, when absent. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir"));
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            fail("../shared/corpus is missing beside the repository; CI must provide it");
        }
        assumeTrue(false, "../shared/corpus is not beside this checkout");
        return null;
    }

    /** Every {@code *.json} plan of the corpus (the published schema excluded). */
    public static List<Path> planFiles() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().contains("schema"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The complete GRAPHRAG-OBSERVABILITY-VALIDATION plan folder. */
    public static Path graphragFolder() {
        return root().resolve("youtuberag/work-space/plans/GRAPHRAG-OBSERVABILITY-VALIDATION");
    }

    /** The PARALLEL-EXECUTION-AUTOMATION folder (PLAN markdown and parallel.json). */
    public static Path automationFolder() {
        return root().resolve("context-manager/PARALLEL-EXECUTION-AUTOMATION");
    }
}
