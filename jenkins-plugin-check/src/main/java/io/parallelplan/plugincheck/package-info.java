/**
 * A source check of the Jenkins plugin that runs in the default build, where the plugin itself cannot be compiled
 * (its dependencies live in the Jenkins Maven repository): broken syntax or a missing help file cannot land unseen.
 */
package io.parallelplan.plugincheck;
