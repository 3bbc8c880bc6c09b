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
    private final Estimate estimate;
    /** The fields most achievements leave out, {@link Extras#NONE} when all of them are. */
    private final Extras extras;
    /** Line (high 32 bits) and column (low 32 bits) of the achievement's opening brace. */
    private final long location;
    private final int position;

    /**
     * The fields that are usually absent, apart: an achievement of a large generated plan then costs 56 bytes
     * instead of 120 (its object and its location's).
     */
    private record Extras(
            Integer priority,
            String executor,
            Double actualHours,
            List<String> blocks,
            List<String> parallelizableWith,
            String validationScript,
            String command,
            Integer timeoutMinutes,
            Integer retries,
            boolean optional,
            boolean required,
            List<Achievement> subExecutions,
            Map<String, SourceLocation> unknownFields) {
        static final Extras NONE = new Extras(null, null, null, List.of(), List.of(), null, null, null, null, false,
                false, List.of(), Map.of());

        /** Equal field by field, the unknown fields by name only. */
        boolean equalsIgnoringLocations(Extras o) {
            return optional == o.optional
                    && required == o.required
                    && Objects.equals(priority, o.priority)
                    && Objects.equals(executor, o.executor)
                    && Objects.equals(actualHours, o.actualHours)
                    && blocks.equals(o.blocks)
                    && parallelizableWith.equals(o.parallelizableWith)
                    && Objects.equals(validationScript, o.validationScript)
                    && Objects.equals(command, o.command)
                    && Objects.equals(timeoutMinutes, o.timeoutMinutes)
                    && Objects.equals(retries, o.retries)
                    && subExecutions.equals(o.subExecutions)
                    && unknownFields.keySet().equals(o.unknownFields.keySet());
        }
    }

    private Achievement(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id cannot be null (use \"\" for a missing id)");
        this.title = b.title == null ? "" : b.title;
        this.dependencies = List.copyOf(b.dependencies);
        // A full array is never written again by the builder (see Builder.dependencies): keep it as it is.
        this.dependencyPositions = b.dependencyPositions.length == dependencies.size() ? b.dependencyPositions
                : Arrays.copyOf(b.dependencyPositions, dependencies.size());
        this.status = b.status;
        this.estimate = Objects.requireNonNull(b.estimate, "estimate cannot be null");
        boolean none = b.priority == null && b.executor == null && b.actualHours == null && b.blocks.isEmpty()
                && b.parallelizableWith.isEmpty() && b.validationScript == null && b.command == null
                && b.timeoutMinutes == null && b.retries == null && !b.optional && !b.required
                && b.subExecutions.isEmpty() && b.unknownFields == null;
        this.extras = none ? Extras.NONE : new Extras(b.priority, b.executor, b.actualHours, List.copyOf(b.blocks),
                List.copyOf(b.parallelizableWith), b.validationScript, b.command, b.timeoutMinutes, b.retries,
                b.optional, b.required, List.copyOf(b.subExecutions),
                b.unknownFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.unknownFields)));
        SourceLocation at = Objects.requireNonNull(b.location, "location cannot be null");
        this.location = ((long) at.line() << 32) | at.column();
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
                .priority(extras.priority())
                .executor(extras.executor())
                .estimate(estimate)
                .actualHours(extras.actualHours())
                .blocks(extras.blocks())
                .parallelizableWith(extras.parallelizableWith())
                .validationScript(extras.validationScript())
                .command(extras.command())
                .timeoutMinutes(extras.timeoutMinutes())
                .retries(extras.retries())
                .optional(extras.optional())
                .required(extras.required())
                .subExecutions(extras.subExecutions())
                .location(location())
                .position(position);
        for (int i = 0; i < dependencies.size(); i++) {
            b.dependsOn(dependencies.get(i), (int) (dependencyPositions[i] >>> 32), (int) dependencyPositions[i]);
        }
        extras.unknownFields().forEach(b::unknownField);
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
        return extras.priority();
    }

    /** Who runs it ({@code executor}); achievements naming the same executor run one at a time. May be null. */
    public String executor() {
        return extras.executor();
    }

    public Estimate estimate() {
        return estimate;
    }

    /** The {@code actual_hours} field, or {@code null}. */
    public Double actualHours() {
        return extras.actualHours();
    }

    /** Ids the file claims this achievement blocks (a hand-written claim, checked by validation). */
    public List<String> blocks() {
        return extras.blocks();
    }

    /** Ids the file claims can run beside this one (a hand-written claim, checked by validation). */
    public List<String> parallelizableWith() {
        return extras.parallelizableWith();
    }

    /** The {@code validation_script} path (relative to the plan folder), or {@code null}. */
    public String validationScript() {
        return extras.validationScript();
    }

    /** The shell {@code command} that runs this achievement, or {@code null}. */
    public String command() {
        return extras.command();
    }

    /** The {@code timeout_minutes} for one attempt, or {@code null} for the run's default. */
    public Integer timeoutMinutes() {
        return extras.timeoutMinutes();
    }

    /** How many times a failed attempt is tried again ({@code retries}), or {@code null} for the run's default. */
    public Integer retries() {
        return extras.retries();
    }

    /** Whether its failure only makes the run UNSTABLE ({@code optional: true}). */
    public boolean optional() {
        return extras.optional();
    }

    /** Whether it is a hard gate under the threshold policy ({@code required: true}). */
    public boolean required() {
        return extras.required();
    }

    /** Its {@code sub_executions}: parallel children; the achievement succeeds when all of them do. */
    public List<Achievement> subExecutions() {
        return extras.subExecutions();
    }

    /** Fields the format does not define, with where they were; kept and reported as information. */
    public Map<String, SourceLocation> unknownFields() {
        return extras.unknownFields();
    }

    /** Where the achievement's object starts in the file. */
    public SourceLocation location() {
        return location == 0 ? SourceLocation.UNKNOWN : new SourceLocation((int) (location >>> 32), (int) location);
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
        return position == a.position
                && id.equals(a.id)
                && title.equals(a.title)
                && dependencies.equals(a.dependencies)
                && Objects.equals(status, a.status)
                && estimate.equals(a.estimate)
                && extras.equalsIgnoringLocations(a.extras);
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
        /**
         * Immutable until a second step adds to it; the positions array is never written once it is full (adding
         * to a full one makes a bigger one), so an achievement may keep a full one as it is.
         */
        private List<String> dependencies = List.of();
        private long[] dependencyPositions = new long[0];
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
        /** Created by the first {@link #unknownField}: most achievements have none. */
        private Map<String, SourceLocation> unknownFields;
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
            Objects.requireNonNull(dependency, "dependency cannot be null");
            if (!(dependencies instanceof ArrayList)) {
                dependencies = new ArrayList<>(dependencies);
            }
            dependencies.add(dependency);
            int k = dependencies.size() - 1;
            if (k == dependencyPositions.length) {
                dependencyPositions = Arrays.copyOf(dependencyPositions, Math.max(4, k * 2));
            }
            dependencyPositions[k] = ((long) line << 32) | column;
            return this;
        }

        /**
         * Adds {@code ids}, each read where the same index of {@code positions} says (line in the high 32 bits,
         * column in the low 32 bits; 0 when unknown): what a reader records, added in one step.
         */
        public Builder dependsOn(List<String> ids, long[] positions) {
            if (positions.length < ids.size()) {
                throw new IllegalArgumentException("each dependency needs a position");
            }
            for (int i = 0; i < ids.size(); i++) {
                Objects.requireNonNull(ids.get(i), "dependency cannot be null");
                if (positions[i] < 0 || (int) positions[i] < 0) {
                    throw new IllegalArgumentException("line and column must not be negative");
                }
            }
            int k = dependencies.size();
            if (k == 0) {
                // The common case, a reader handing over all of them: no list or array to grow and copy again.
                dependencies = List.copyOf(ids);
                dependencyPositions = Arrays.copyOf(positions, ids.size());
                return this;
            }
            if (!(dependencies instanceof ArrayList)) {
                dependencies = new ArrayList<>(dependencies);
            }
            dependencies.addAll(ids);
            if (dependencyPositions.length < dependencies.size()) {
                dependencyPositions = Arrays.copyOf(dependencyPositions, dependencies.size());
            }
            System.arraycopy(positions, 0, dependencyPositions, k, ids.size());
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
            if (unknownFields == null) {
                unknownFields = new LinkedHashMap<>();
            }
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
