/** Architecture rules of core, checked with ArchUnit. */
package io.parallelplan.core.arch;
