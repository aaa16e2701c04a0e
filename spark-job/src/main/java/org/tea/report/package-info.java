/**
 * The exported report of a run or of a sweep of runs ({@link org.tea.report.Report}): an HTML page, PNG plots
 * drawn with JFreeChart and the CSV tables behind them, made from runs read back as {@link
 * org.tea.report.RunData}, never by recomputing the model. {@code Report} picks the sections and their order; each
 * section is a class of its own ({@code *Section}) that writes through {@link org.tea.report.Page} (skeleton,
 * style sheet, escaping, number cells), so the page's look is defined in one place and a section can change
 * without touching the others. Nothing here imports Spark.
 */
package org.tea.report;
