/**
 * The Jenkins plugin: Pipeline steps ({@code readParallelPlan}, {@code parallelPlan}, {@code achievement},
 * {@code validateParallelPlan}), the build actions and the stage markings. A thin driver: every decision (what may
 * start, what is blocked, the result, the console lines, the stage marking, the HTML) is made by core.
 */
package io.parallelplan.jenkins;
