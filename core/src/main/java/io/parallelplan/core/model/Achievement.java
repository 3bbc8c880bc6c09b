package io.parallelplan.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a plan: an achievement, or one of its {@code sub_executions} (then {@link #subExecutions()} is empty
 * and the id came from {@code execution_id}).
 *
 * <p>Fields follow {@code parallel.json} (see {@code docs/format.md}); what a file did not say is {@code null} for
 * objects ({@link #status()}, {@link #priority()}, {@link #executor()}, {@link #command()}, ...), {@code false}
 * for flags, an empty list for lists and {@link Estimate#ABSENT} for the estimate. Locations point at the
 * achievement's opening brace and at each dependency entry.
 */
public final class Achievement {
    private final String id;
    private final String title;
    private final List<String> dependencies;
    /** Line (high 32 bits) and column (low 32 bits) of each dependency: no object per edge on large plans. */
    private final long[] dependencyPositions;
    private final String status;
    private final Integer priority;
    private final String executor;
    private final Estimate estimate;
    private final Double actualHours;
    private final List<String> blocks;
    private final List<String> parallelizableWith;
    private final String validationScript;
    private final String command;
    private final Integer timeoutMinutes;
    private final Integer retries;
    private final boolean optional;
    private final boolean required;
    private final List<Achievement> subExecutions;
    private final Map<String, SourceLocation> unknownFields;
    private final SourceLocation location;
    private final int position;

    private Achievement(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id cannot be null (use \"\" for a missing id)");
        this.title = b.title == null ? "" : b.title;
        this.dependencies = List.copyOf(b.dependencies);
        this.dependencyPositions = Arrays.copyOf(b.dependencyPositions, dependencies.size());
        this.status = b.status;
        this.priority = b.priority;
        this.executor = b.executor;
        this.estimate = Objects.requireNonNull(b.estimate, "estimate cannot be null");
        this.actualHours = b.actualHours;
        this.blocks = List.copyOf(b.blocks);
        this.parallelizableWith = List.copyOf(b.parallelizableWith);
        this.validationScript = b.validationScript;
        this.command = b.command;
        this.timeoutMinutes = b.timeoutMinutes;
        this.retries = b.retries;
        this.optional = b.optional;
        this.required = b.required;
        this.subExecutions = List.copyOf(b.subExecutions);
        this.unknownFields = b.unknownFields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.unknownFields));
        this.location = Objects.requireNonNull(b.location, "location cannot be null");
        this.position = b.position;
    }

    /** Starts an achievement with the given id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder initialised with every field of this achievement. */
    public Builder toBuilder() {
        Builder b = new Builder(id)
                .title(title)
                .status(status)
                .priority(priority)
                .executor(executor)
                .estimate(estimate)
                .actualHours(actualHours)
                .blocks(blocks)
                .parallelizableWith(parallelizableWith)
                .validationScript(validationScript)
                .command(command)
                .timeoutMinutes(timeoutMinutes)
                .retries(retries)
                .optional(optional)
                .required(required)
                .subExecutions(subExecutions)
                .location(location)
                .position(position);
        for (int i = 0; i < dependencies.size(); i++) {
            b.dependsOn(dependencies.get(i), (int) (dependencyPositions[i] >>> 32), (int) dependencyPositions[i]);
        }
        unknownFields.forEach(b::unknownField);
        return b;
    }

    /** The id ({@code achievement_id} or {@code execution_id}); {@code ""} when the file had none. */
    public String id() {
        return id;
    }

    /** The title; {@code ""} when the file had none. */
    public String title() {
        return title;
    }

    /** Ids this achievement depends on, in file order (duplicates kept as written). */
    public List<String> dependencies() {
        return dependencies;
    }

    /** The location of each entry of {@link #dependencies()}, index for index. */
    public List<SourceLocation> dependencyLocations() {
        SourceLocation[] locations = new SourceLocation[dependencyPositions.length];
        for (int i = 0; i < locations.length; i++) {
            long p = dependencyPositions[i];
            locations[i] = p == 0 ? SourceLocation.UNKNOWN : new SourceLocation((int) (p >>> 32), (int) p);
        }
        return List.of(locations);
    }

    /** The {@code status} field as written, or {@code null}. */
    public String status() {
        return status;
    }

    /** The {@code priority} field, or {@code null}. */
    public Integer priority() {
        return priority;
    }

    /** Who runs it ({@code executor}); achievements naming the same executor run one at a time. May be null. */
    public String executor() {
        return executor;
    }

    public Estimate estimate() {
        return estimate;
    }

    /** The {@code actual_hours} field, or {@code null}. */
    public Double actualHours() {
        return actualHours;
    }

    /** Ids the file claims this achievement blocks (a hand-written claim, checked by validation). */
    public List<String> blocks() {
        return blocks;
    }

    /** Ids the file claims can run beside this one (a hand-written claim, checked by validation). */
    public List<String> parallelizableWith() {
        return parallelizableWith;
    }

    /** The {@code validation_script} path (relative to the plan folder), or {@code null}. */
    public String validationScript() {
        return validationScript;
    }

    /** The shell {@code command} that runs this achievement, or {@code null}. */
    public String command() {
        return command;
    }

    /** The {@code timeout_minutes} for one attempt, or {@code null} for the run's default. */
    public Integer timeoutMinutes() {
        return timeoutMinutes;
    }

    /** How many times a failed attempt is tried again ({@code retries}), or {@code null} for the run's default. */
    public Integer retries() {
        return retries;
    }

    /** Whether its failure only makes the run UNSTABLE ({@code optional: true}). */
    public boolean optional() {
        return optional;
    }

    /** Whether it is a hard gate under the threshold policy ({@code required: true}). */
    public boolean required() {
        return required;
    }

    /** Its {@code sub_executions}: parallel children; the achievement succeeds when all of them do. */
    public List<Achievement> subExecutions() {
        return subExecutions;
    }

    /** Fields the format does not define, with where they were; kept and reported as information. */
    public Map<String, SourceLocation> unknownFields() {
        return unknownFields;
    }

    /** Where the achievement's object starts in the file. */
    public SourceLocation location() {
        return location;
    }

    /** Its 0-based position in the file's array (plan order). */
    public int position() {
        return position;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Achievement a)) {
            return false;
        }
        return optional == a.optional
                && required == a.required
                && position == a.position
                && id.equals(a.id)
                && title.equals(a.title)
                && dependencies.equals(a.dependencies)
                && Objects.equals(status, a.status)
                && Objects.equals(priority, a.priority)
                && Objects.equals(executor, a.executor)
                && estimate.equals(a.estimate)
                && Objects.equals(actualHours, a.actualHours)
                && blocks.equals(a.blocks)
                && parallelizableWith.equals(a.parallelizableWith)
                && Objects.equals(validationScript, a.validationScript)
                && Objects.equals(command, a.command)
                && Objects.equals(timeoutMinutes, a.timeoutMinutes)
                && Objects.equals(retries, a.retries)
                && subExecutions.equals(a.subExecutions)
                && unknownFields.keySet().equals(a.unknownFields.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, dependencies, estimate, position);
    }

    @Override
    public String toString() {
        return "Achievement[" + id + " " + title + " <- " + dependencies + "]";
    }

    /** Builds an {@link Achievement}; every setter accepts {@code null} meaning "not written". */
    public static final class Builder {
        private final String id;
        private String title;
        private final List<String> dependencies = new ArrayList<>();
        private long[] dependencyPositions = new long[4];
        private String status;
        private Integer priority;
        private String executor;
        private Estimate estimate = Estimate.ABSENT;
        private Double actualHours;
        private List<String> blocks = List.of();
        private List<String> parallelizableWith = List.of();
        private String validationScript;
        private String command;
        private Integer timeoutMinutes;
        private Integer retries;
        private boolean optional;
        private boolean required;
        private List<Achievement> subExecutions = List.of();
        private final Map<String, SourceLocation> unknownFields = new LinkedHashMap<>();
        private SourceLocation location = SourceLocation.UNKNOWN;
        private int position;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Adds dependencies (in memory, without locations). */
        public Builder dependsOn(String... ids) {
            for (String d : ids) {
                dependsOn(d, SourceLocation.UNKNOWN);
            }
            return this;
        }

        /** Adds dependencies (in memory, without locations). */
        public Builder dependsOn(List<String> ids) {
            ids.forEach(d -> dependsOn(d, SourceLocation.UNKNOWN));
            return this;
        }

        /** Adds one dependency read at {@code where}. */
        public Builder dependsOn(String dependency, SourceLocation where) {
            SourceLocation at = where == null ? SourceLocation.UNKNOWN : where;
            return dependsOn(dependency, at.line(), at.column());
        }

        /** Adds one dependency read at {@code line}:{@code column} (0, 0 when unknown), without a location object. */
        public Builder dependsOn(String dependency, int line, int column) {
            if (line < 0 || column < 0) {
                throw new IllegalArgumentException("line and column must not be negative");
            }
            dependencies.add(Objects.requireNonNull(dependency, "dependency cannot be null"));
            int k = dependencies.size() - 1;
            if (k == dependencyPositions.length) {
                dependencyPositions = Arrays.copyOf(dependencyPositions, k * 2);
            }
            dependencyPositions[k] = ((long) line << 32) | column;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        public Builder executor(String executor) {
            this.executor = executor;
            return this;
        }

        public Builder estimate(Estimate estimate) {
            this.estimate = estimate == null ? Estimate.ABSENT : estimate;
            return this;
        }

        /** Sets the estimate from its written form, e.g. {@code "4-6"} or {@code "2.5"}. */
        public Builder estimate(String written) {
            return estimate(Estimate.parse(written));
        }

        public Builder hours(double hours) {
            return estimate(Estimate.ofHours(hours));
        }

        public Builder actualHours(Double actualHours) {
            this.actualHours = actualHours;
            return this;
        }

        public Builder blocks(List<String> blocks) {
            this.blocks = blocks == null ? List.of() : blocks;
            return this;
        }

        public Builder parallelizableWith(List<String> ids) {
            this.parallelizableWith = ids == null ? List.of() : ids;
            return this;
        }

        public Builder validationScript(String validationScript) {
            this.validationScript = validationScript;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Builder timeoutMinutes(Integer timeoutMinutes) {
            this.timeoutMinutes = timeoutMinutes;
            return this;
        }

        public Builder retries(Integer retries) {
            this.retries = retries;
            return this;
        }

        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder subExecutions(List<Achievement> subExecutions) {
            this.subExecutions = subExecutions == null ? List.of() : subExecutions;
            return this;
        }

        public Builder unknownField(String name, SourceLocation where) {
            unknownFields.put(name, where == null ? SourceLocation.UNKNOWN : where);
            return this;
        }

        public Builder location(SourceLocation location) {
            this.location = location == null ? SourceLocation.UNKNOWN : location;
            return this;
        }

        public Builder position(int position) {
            this.position = position;
            return this;
        }

        public Achievement build() {
            return new Achievement(this);
        }
    }
}
