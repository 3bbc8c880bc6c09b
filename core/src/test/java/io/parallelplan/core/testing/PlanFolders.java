package io.parallelplan.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds plan folders (parallel.json plus methodology files) in a temporary directory for tests. */
public final class PlanFolders {
    private final Path folder;
    private final String name;
    private final List<String> achievements = new ArrayList<>();

    private PlanFolders(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** A plan named {@code name} in {@code parent/name}. */
    public static PlanFolders in(Path parent, String name) {
        return new PlanFolders(parent.resolve(name), name);
    }

    /** Adds an achievement; {@code extra} is more JSON fields, e.g. {@code "\"status\": \"complete\""}. */
    public PlanFolders achievement(String id, String title, double hours, List<String> deps, String... extra) {
        StringBuilder sb = new StringBuilder("    {\"achievement_id\": \"" + id + "\", \"title\": \"" + title
                + "\", \"estimated_hours\": " + hours + ", \"dependencies\": [");
        for (int i = 0; i < deps.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('"').append(deps.get(i)).append('"');
        }
        sb.append(']');
        for (String e : extra) {
            sb.append(", ").append(e);
        }
        achievements.add(sb.append('}').toString());
        return this;
    }

    /** Writes parallel.json and returns the plan folder. */
    public Path write() {
        write("parallel.json", "{\n  \"plan_name\": \"" + name + "\",\n  \"achievements\": [\n"
                + String.join(",\n", achievements) + "\n  ]\n}\n");
        return folder;
    }

    /** Writes a file relative to the plan folder (creating folders). */
    public PlanFolders write(String relative, String content) {
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Creates empty methodology files, e.g. {@code "subplans/SUBPLAN_P_11.md"}. */
    public PlanFolders files(String... relative) {
        for (String r : relative) {
            write(r, "# " + r + "\n");
        }
        return this;
    }

    public Path folder() {
        return folder;
    }
}
