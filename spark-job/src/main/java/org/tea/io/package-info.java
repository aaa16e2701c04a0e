/**
 * Everything that crosses the program's boundary: the study configuration ({@link org.tea.io.StudyConfig},
 * read from {@code conf/*.properties} plus {@code --set} overrides and validated as a whole), loading and
 * validation of input files, and the names of the output tables of MODEL section 11 and their columns
 * ({@link org.tea.io.OutputTables}, so that writers and readers share one spelling). Nothing here imports Spark:
 * the Spark writers and readers are in {@code org.tea.io.spark}.
 */
package org.tea.io;
