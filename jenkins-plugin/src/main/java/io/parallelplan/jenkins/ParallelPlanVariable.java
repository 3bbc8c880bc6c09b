package io.parallelplan.jenkins;

import com.cloudbees.groovy.cps.impl.CpsCallable;
import com.cloudbees.groovy.cps.impl.CpsClosure;
import edu.umd.cs.findbugs.annotations.NonNull;
import groovy.lang.Binding;
import groovy.lang.Closure;
import hudson.Extension;
import java.lang.reflect.Field;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * {@code parallelPlan(file: ..., maxParallel: 3) { a -> sh "./run.sh ${a.id}" }}: the one-call form. A global
 * variable (it shadows the step of the same name in a script; {@code steps.parallelPlan} still reaches the step)
 * whose value is the CPS-transformed Groovy class {@code ParallelPlanDsl.groovy} from this plugin: with a body that
 * declares one parameter it makes one parallel branch and one stage per achievement itself, else it passes every
 * call on to the step unchanged.
 */
@Extension
public class ParallelPlanVariable extends GlobalVariable {
    private static final String CLASS = "io.parallelplan.jenkins.ParallelPlanDsl";

    @NonNull
    @Override
    public String getName() {
        return "parallelPlan";
    }

    @NonNull
    @Override
    public Object getValue(@NonNull CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(getName())) {
            return binding.getVariable(getName());
        }
        // a constructor, not a method: it cannot throw CpsCallableInvocation
        Object dsl = script.getClass().getClassLoader().loadClass(CLASS).getConstructor(CpsScript.class)
                .newInstance(script);
        binding.setVariable(getName(), dsl);
        return dsl;
    }

    /**
     * Whether a body asks for the one-call form: a CPS closure that declares exactly one parameter (not Groovy's
     * implicit {@code it}). Groovy gives {@code { a -> }} and {@code { }} the same signature; groovy-cps keeps the
     * declared names, which this reads.
     *
     * @throws IllegalStateException when this groovy-cps keeps them elsewhere (the message says what to write)
     */
    public static boolean declaresParameter(Closure<?> body) {
        if (!(body instanceof CpsClosure) || body.getMaximumNumberOfParameters() != 1) {
            return false;
        }
        try {
            Field definition = CpsClosure.class.getDeclaredField("def");
            definition.setAccessible(true);
            Field parameters = CpsCallable.class.getDeclaredField("parameters");
            parameters.setAccessible(true);
            return !List.of("it").equals(parameters.get(definition.get(body)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("parallelPlan cannot tell { a -> } from { } with this version of"
                    + " workflow-cps (" + e + "); write the branches yourself with readParallelPlan, parallel, stage"
                    + " and achievement (see the plugin's documentation)", e);
        }
    }

    /** Lets the trusted class loader of every Pipeline compile {@code ParallelPlanDsl.groovy}, and nothing else. */
    @Extension
    public static class Allowlist extends GroovySourceFileAllowlist {
        private final String url = String.valueOf(ParallelPlanVariable.class.getResource("ParallelPlanDsl.groovy"));

        @Override
        public boolean isAllowed(String groovySourceFileUrl) {
            return url.equals(groovySourceFileUrl);
        }
    }
}
