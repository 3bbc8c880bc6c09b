package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.parse.PlanParser;
import java.nio.file.Path;

/** Reads, validates and builds the graph of a plan in one call. */
public final class PlanLoader {
    private final PlanParser parser;
    private final PlanValidator validator;

    public PlanLoader() {
        this(new PlanParser(), new PlanValidator());
    }

    public PlanLoader(PlanParser parser, PlanValidator validator) {
        this.parser = parser;
        this.validator = validator;
    }

    /**
     * Loads a plan from a {@code parallel.json} or its folder, whether valid or not.
     *
     * @throws io.parallelplan.core.parse.PlanReadException when the file cannot be read as a JSON object
     */
    public LoadedPlan load(Path argument) {
        return load(parser.parse(argument));
    }

    /** Validates an already parsed plan and builds its graph. */
    public LoadedPlan load(ParsedPlan parsed) {
        PlanGraph graph = PlanGraph.of(parsed.plan().achievements());
        return new LoadedPlan(parsed.plan(), graph, validator.validate(parsed, graph));
    }

    /**
     * Loads a plan and insists that it is valid.
     *
     * @throws InvalidPlanException with every finding when it has errors
     */
    public LoadedPlan loadValid(Path argument) {
        return load(argument).requireValid();
    }
}
