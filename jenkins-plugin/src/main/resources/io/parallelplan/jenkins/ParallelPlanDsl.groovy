package io.parallelplan.jenkins

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * The value of the parallelPlan global variable (see ParallelPlanVariable). Compiled by each Pipeline's trusted
 * class loader and CPS-transformed: it only calls steps, through script.steps so that no variable shadows them.
 *
 * parallelPlan(file: ...) { a -> ... } makes one parallel branch and one stage per achievement, both named
 * "<id> <title>", and runs the body inside achievement(id) with a the achievement's map from readParallelPlan.
 * Any other call goes to the parallelPlan step unchanged.
 */
class ParallelPlanDsl implements Serializable {
    private static final long serialVersionUID = 1L

    private final CpsScript script

    ParallelPlanDsl(CpsScript script) {
        this.script = script
    }

    def call(Map args, Closure body) {
        if (!ParallelPlanVariable.declaresParameter(body)) {
            return script.steps.parallelPlan(args, body)
        }
        script.steps.parallelPlan(args) {
            // inside the block: the plan the block runs, not read or printed again
            Map plan = script.steps.readParallelPlan(file: args.file)
            Map branches = [:]
            for (Map achievement : plan.achievements) {
                Map a = achievement
                String name = a.title ? "${a.id} ${a.title}".toString() : a.id
                branches[name] = {
                    script.steps.stage(name) {
                        script.steps.achievement(a.id) {
                            body.call(a)
                        }
                    }
                }
            }
            script.steps.parallel(branches)
        }
    }

    def call(String file, Closure body) {
        call([file: file], body)
    }

    def call(Map args) {
        script.steps.parallelPlan(args)
    }

    def call(String file) {
        script.steps.parallelPlan(file)
    }

    def call(Closure body) {
        script.steps.parallelPlan(body)
    }
}
