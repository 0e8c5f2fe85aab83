/**
 * The assembly analysis of a run or a SavedModel ({@code bean analyze}), its plots, report.html,
 * the verdict rule ({@link org.beantf.models.analysis.AssemblyVerdict}) and the side-by-side
 * comparison of {@code bean demo}. The public classes are API; the chart builders and palette are
 * internal.
 */
package org.beantf.models.analysis;
