package io.parallelplan.core.discover;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Estimate;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.parse.PlanReadException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PLAN markdown into a {@link DiscoveredPlan}, in one pass over its lines plus one over the statements.
 *
 * <p>An achievement is declared by a line {@code **Achievement 1.2: Title** ⏱️ 2-3 hours},
 * {@code **Achievement 1.2**: Title (2-3h)}, a heading {@code ### Achievement 1.2: Title}, or an index bullet at the
 * start of a line ({@code - ✅ Achievement 1.2: Title}). The index and the detailed section of one id are merged:
 * titles come from the first bold or heading declaration. Its section runs to the next declaration, rule
 * ({@code ---}) or heading. Dependencies come only from statements in a section: {@code **Dependencies**: 1.1, 1.2},
 * {@code None}, a bullet list under {@code **Dependencies**:}, or a line saying "depends on ..."; of the ids a
 * statement names, only those of this plan become edges. Fenced code blocks are ignored.
 */
public final class MarkdownDiscovery {
    private static final String ID = "\\d+(?:\\.\\d+)*";
    private static final Pattern DECLARATION = Pattern.compile("^(?:(#{1,6})[ \\t]+|([-*+])[ \\t]+(?:\\[[ xX]\\][ \\t]+)?)?"
            + "(?:[^\\p{L}\\p{N}*\\s]{1,4}[ \\t]*)?(\\*\\*)?Achievement[ \\t]+(" + ID + ")(\\*\\*)?[ \\t]*:(?:\\*\\*)?[ \\t]*(.*)$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]");
    private static final Pattern RULE = Pattern.compile("^[ \\t]{0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(```|~~~)");
    private static final Pattern PRIORITY = Pattern.compile("^(?:#{1,6}[ \\t]+|\\*\\*)[^\\p{L}\\p{N}]*Priority[ \\t]+(\\d+)\\b");
    private static final Pattern HOURS = Pattern.compile(
            "(\\d+(?:\\.\\d+)?(?:[ \\t]*[-–][ \\t]*\\d+(?:\\.\\d+)?)?)[ \\t]*(?:h|hrs?|hours?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EFFORT = Pattern.compile("^[ \\t]*(?:[-*+][ \\t]+)?\\*\\*(?:Effort|Estimate|Estimated "
            + "(?:Effort|Time|Hours)|Time|Duration)\\*\\*[ \\t]*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^([ \\t]*)([-*+][ \\t]+)?(?:\\*\\*)?(Dependencies|Dependency"
            + "|Prerequisites|Requires|Depends on)(?:\\*\\*)?[ \\t]*(:)?(?:\\*\\*)?[ \\t]*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEPENDS_ON = Pattern.compile("\\bdepends on\\b(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^([ \\t]*)[-*+][ \\t]+(.*)$");
    private static final Pattern NONE = Pattern.compile(
            "^(?:none|n/?a|no\\b|nothing|independent|-|—)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PARENS = Pattern.compile("\\(([^()]*)\\)\\s*$");
    private static final Pattern ID_TOKEN = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)+)(?![\\w]|\\.\\d)");

    /** A declaration line and the section under it. */
    private record Occurrence(String id, String title, String tail, boolean strong, int line, int end,
            Integer priority) {}

    /**
     * Reads a PLAN markdown file.
     *
     * @throws PlanReadException when the file cannot be read
     */
    public DiscoveredPlan discover(Path markdown) {
        String text;
        try {
            text = Files.readString(markdown, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanReadException(markdown, "no such file; pass the plan's PLAN_<NAME>.md");
        } catch (CharacterCodingException e) {
            throw new PlanReadException(markdown, "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new PlanReadException(markdown, "could not read the file: " + e.getMessage());
        }
        return discover(text, markdown);
    }

    /** Reads PLAN markdown text; {@code source} names it in findings and gives the plan name. */
    public DiscoveredPlan discover(String text, Path source) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        boolean[] code = new boolean[lines.length];
        List<Occurrence> occurrences = declarations(lines, code);

        Map<String, List<Occurrence>> byId = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            byId.computeIfAbsent(o.id, k -> new ArrayList<>()).add(o);
        }
        List<Finding> findings = new ArrayList<>();
        List<DiscoveredAchievement> achievements = new ArrayList<>(byId.size());
        for (Map.Entry<String, List<Occurrence>> e : byId.entrySet()) {
            achievements.add(merge(e.getKey(), e.getValue(), lines, code, byId.keySet(), findings));
        }
        for (DiscoveredAchievement a : achievements) {
            if (!a.stated()) {
                findings.add(Finding.info("discover-no-statement", "the PLAN states no dependencies for " + a.id()
                        + "; it is listed without any (add '- **Dependencies**: ...' or 'None' under it)",
                        a.id(), a.location()));
            }
        }
        cycles(achievements, findings);
        return new DiscoveredPlan(planName(source), source, achievements, findings);
    }

    private static String planName(Path source) {
        String file = source.getFileName() == null ? "" : source.getFileName().toString();
        if (file.startsWith("PLAN_") && file.endsWith(".md") && file.length() > "PLAN_.md".length()) {
            return file.substring("PLAN_".length(), file.length() - ".md".length());
        }
        Path parent = source.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null ? parent.getFileName().toString() : "plan";
    }

    private static List<Occurrence> declarations(String[] lines, boolean[] code) {
        List<Occurrence> found = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        boolean fenced = false;
        Integer priority = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if ((line.contains("```") || line.contains("~~~")) && FENCE.matcher(line).find()) {
                fenced = !fenced;
                code[i] = true;
                continue;
            }
            code[i] = fenced;
            if (fenced) {
                continue;
            }
            if (line.contains("Priority")) {
                Matcher p = PRIORITY.matcher(line);
                if (p.find()) {
                    priority = Integer.valueOf(p.group(1));
                }
            }
            if (!line.contains("Achievement")) {
                continue;
            }
            Matcher m = DECLARATION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean bold = m.group(3) != null;
            boolean heading = m.group(1) != null;
            String rest = m.group(6);
            String title = rest;
            String tail = "";
            if (bold && m.group(5) == null) {
                int close = rest.indexOf("**");
                if (close >= 0) {
                    title = rest.substring(0, close);
                    tail = rest.substring(close + 2);
                }
            }
            found.add(new Occurrence(m.group(4), title, tail, bold || heading, i, -1, priority));
            starts.add(new int[] {i, heading ? m.group(1).length() : 7});
        }
        List<Occurrence> withEnds = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            int start = starts.get(k)[0];
            int level = starts.get(k)[1];
            int limit = k + 1 < found.size() ? starts.get(k + 1)[0] : lines.length;
            int end = start + 1;
            while (end < limit && !endsSection(lines[end], code[end], level)) {
                end++;
            }
            Occurrence o = found.get(k);
            withEnds.add(new Occurrence(o.id, o.title, o.tail, o.strong, o.line, end, o.priority));
        }
        return withEnds;
    }

    private static boolean endsSection(String line, boolean code, int level) {
        if (code) {
            return false;
        }
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if ((first == '-' || first == '*' || first == '_' || first == ' ' || first == '\t') && RULE.matcher(line).matches()) {
            return true;
        }
        if (first != '#') {
            return false;
        }
        Matcher h = HEADING.matcher(line);
        return h.find() && h.group(1).length() <= Math.min(level, 6);
    }

    private DiscoveredAchievement merge(String id, List<Occurrence> list, String[] lines, boolean[] code,
            Set<String> ids, List<Finding> findings) {
        Occurrence first = list.get(0);
        Occurrence named = list.stream().filter(o -> o.strong).findFirst().orElse(first);
        Occurrence longest = first;
        Estimate estimate = Estimate.ABSENT;
        Integer priority = null;
        String statement = null;
        List<String> deps = null;
        for (Occurrence o : list) {
            if (o.end - o.line > longest.end - longest.line) {
                longest = o;
            }
            if (priority == null) {
                priority = o.priority;
            }
            if (!estimate.isPresent()) {
                estimate = estimateOf(o, lines, code);
            }
            Statement s = statementOf(o, lines, code);
            if (s == null) {
                continue;
            }
            List<String> named2 = resolve(id, s, ids, findings);
            if (named2 == null) {
                continue;
            }
            if (deps == null) {
                deps = named2;
                statement = s.text;
            } else if (!new LinkedHashSet<>(deps).equals(new LinkedHashSet<>(named2))) {
                findings.add(Finding.warning("discover-conflicting-statements", "the PLAN states the dependencies of "
                        + id + " twice, differently (line " + (s.line + 1) + " names " + named2 + ", an earlier one "
                        + deps + "); the first is used, make them agree", id, new SourceLocation(s.line + 1, 1)));
            }
        }
        StringBuilder section = new StringBuilder();
        for (int i = longest.line; i < longest.end; i++) {
            section.append(lines[i]).append('\n');
        }
        return new DiscoveredAchievement(id, cleanTitle(named.title), estimate, priority, deps != null,
                deps == null ? List.of() : deps, statement, new SourceLocation(first.line + 1, 1),
                section.toString().strip());
    }

    private static Estimate estimateOf(Occurrence o, String[] lines, boolean[] code) {
        Matcher h = HOURS.matcher(o.tail);
        if (h.find()) {
            return Estimate.parse(h.group(1).replaceAll("[ \\t]", "").replace('–', '-'));
        }
        Matcher t = TRAILING_PARENS.matcher(o.title);
        if (t.find()) {
            Matcher inTitle = HOURS.matcher(t.group(1));
            if (inTitle.find()) {
                return Estimate.parse(inTitle.group(1).replaceAll("[ \\t]", "").replace('–', '-'));
            }
        }
        for (int i = o.line + 1; i < o.end; i++) {
            if (code[i]) {
                continue;
            }
            if (!lines[i].contains("**")) {
                continue;
            }
            Matcher e = EFFORT.matcher(lines[i]);
            if (e.matches()) {
                Matcher hours = HOURS.matcher(e.group(1));
                if (hours.find()) {
                    return Estimate.parse(hours.group(1).replaceAll("[ \\t]", "").replace('–', '-'));
                }
            }
        }
        return Estimate.ABSENT;
    }

    /** A dependency statement: its text (bullet items joined) and its line. */
    private record Statement(String text, int line) {}

    private static Statement statementOf(Occurrence o, String[] lines, boolean[] code) {
        StringBuilder text = null;
        int at = -1;
        for (int i = o.line + 1; i < o.end; i++) {
            if (code[i]) {
                continue;
            }
            String line = lines[i];
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.contains("depend") && !lower.contains("prerequisite") && !lower.contains("requires")) {
                continue;
            }
            Matcher m = LABEL.matcher(line);
            String found = null;
            if (m.matches() && (m.group(4) != null || m.group(3).equalsIgnoreCase("depends on"))) {
                found = m.group(5).strip();
                if (found.isEmpty()) {
                    StringBuilder items = new StringBuilder();
                    int indent = m.group(2) == null ? -1 : m.group(1).length();
                    int j = i + 1;
                    for (; j < o.end; j++) {
                        Matcher b = BULLET.matcher(lines[j]);
                        if (!b.matches() || b.group(1).length() <= indent) {
                            break;
                        }
                        items.append(items.length() > 0 ? "; " : "").append(b.group(2).strip());
                    }
                    found = items.toString();
                    i = j - 1;
                }
            } else {
                Matcher d = DEPENDS_ON.matcher(line);
                if (d.find()) {
                    found = d.group(1).strip();
                }
            }
            if (found != null) {
                if (text == null) {
                    text = new StringBuilder(found);
                    at = i;
                } else {
                    text.append("; ").append(found);
                }
            }
        }
        return text == null ? null : new Statement(text.toString().replace("**", "").replace("`", "").strip(), at);
    }

    /** The ids of this plan a statement names; empty for "None"; {@code null} when it names none readable. */
    private static List<String> resolve(String id, Statement s, Set<String> ids, List<Finding> findings) {
        SourceLocation where = new SourceLocation(s.line + 1, 1);
        if (s.text.isEmpty()) {
            findings.add(Finding.warning("discover-unreadable-statement", "the dependency statement of " + id
                    + " is empty; write the ids (\"- **Dependencies**: 1.1, 1.2\") or None", id, where));
            return null;
        }
        if (NONE.matcher(s.text).find()) {
            return List.of();
        }
        Set<String> deps = new LinkedHashSet<>();
        Matcher m = ID_TOKEN.matcher(s.text);
        while (m.find()) {
            String token = m.group(1);
            if (ids.contains(token) && !token.equals(id)) {
                deps.add(token);
            } else if (!ids.contains(token)) {
                findings.add(Finding.info("discover-unknown-mention", "the dependency statement of " + id
                        + " mentions " + token + ", which is not an achievement of this PLAN; it is not used", id,
                        where));
            }
        }
        if (deps.isEmpty()) {
            findings.add(Finding.warning("discover-unreadable-statement", "the dependency statement of " + id
                    + " (\"" + abbreviate(s.text) + "\") names no achievement of this PLAN; write the ids "
                    + "(\"- **Dependencies**: 1.1, 1.2\") or None", id, where));
            return null;
        }
        return List.copyOf(deps);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    static String cleanTitle(String raw) {
        String t = raw.replace("**", "");
        int cut = t.length();
        for (int i = 0; i < t.length(); i++) {
            int type = Character.getType(t.charAt(i));
            if (type == Character.OTHER_SYMBOL || type == Character.SURROGATE) {
                cut = i;
                break;
            }
        }
        t = t.substring(0, cut);
        Matcher paren = TRAILING_PARENS.matcher(t);
        if (paren.find() && HOURS.matcher(paren.group(1)).find()) {
            t = t.substring(0, paren.start());
        }
        return t.strip().replaceAll("[\\s:–—-]+$", "").strip();
    }

    private static void cycles(List<DiscoveredAchievement> achievements, List<Finding> findings) {
        DiscoveredPlan probe = new DiscoveredPlan("probe", Path.of("probe"), achievements, List.of());
        PlanGraph graph = PlanGraph.of(probe.toPlan().achievements());
        for (int[] component : graph.cyclicComponents()) {
            List<String> ids = new ArrayList<>();
            for (int v : component) {
                ids.add(graph.id(v));
            }
            DiscoveredAchievement first = achievements.get(component[0]);
            findings.add(Finding.error("discover-cycle", "the PLAN's dependency statements form a cycle among "
                    + String.join(", ", ids) + "; fix the statements so that one of them no longer depends on "
                    + "another", first.id(), first.location()));
        }
    }
}
