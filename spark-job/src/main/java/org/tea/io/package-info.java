/**
 * Everything that crosses the program's boundary: the study configuration ({@link org.tea.io.StudyConfig},
 * read from {@code conf/*.properties} plus {@code --set} overrides and validated as a whole), loading and
 * validation of input files, and the Parquet output tables of MODEL section 11.
 */
package org.tea.io;
