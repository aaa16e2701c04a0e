/**
 * Key figures of a study (MODEL section 9), TE against the conventional retailer, from market-level sums only;
 * their distribution over Monte Carlo scenarios; and the exported report ({@link org.tea.report.Report}): PNG
 * plots drawn with JFreeChart, an HTML page and CSV tables, made from runs read back as {@link
 * org.tea.report.RunData}, never by recomputing the model. Nothing here imports Spark.
 */
package org.tea.report;
