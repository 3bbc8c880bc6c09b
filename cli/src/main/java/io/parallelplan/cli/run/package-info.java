/**
 * The local process driver behind {@code parallel-plan run}: what each achievement runs, the run folder, starting
 * attempts as operating-system processes and killing their whole process trees, and the terminal output. Every
 * scheduling decision comes from {@code io.parallelplan.core.schedule}; this package only carries it out.
 */
package io.parallelplan.cli.run;
