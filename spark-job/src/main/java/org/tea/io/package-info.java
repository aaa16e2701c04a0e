/**
 * Everything that crosses the program's boundary: the study configuration ({@link org.tea.io.StudyConfig},
 * read from {@code conf/*.properties} plus {@code --set} overrides and validated as a whole), loading and
 * validation of input files (CSV, on the driver; the rules, {@code InputRules}, are shared with the Parquet
 * reader of {@code org.tea.io.spark}, which checks populations on the executors), and the names of the output tables of MODEL section 11 and their columns
 * ({@link org.tea.io.OutputTables}, so that writers and readers share one spelling). Nothing here imports Spark:
 * the Spark writers and readers are in {@code org.tea.io.spark}.
 *
 * <p>The configuration is in four parts: {@code StudyConfig} holds the typed groups and the public entry points,
 * {@code ConfigKeys} defines each key once (with where its value sits in the groups), {@code ConfigKey} parses and
 * spells one value, and {@code ConfigLoader} reads files and overrides and reports every problem. Config values
 * and input files spell numbers the same way ({@code NumberSyntax}).
 */
package org.tea.io;
