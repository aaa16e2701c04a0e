/**
 * What a study's results mean, computed from market-level sums only (MODEL section 9): the key figures of one
 * scenario, TE against the conventional retailer ({@link org.tea.results.KeyFigures}), and their distribution
 * over Monte Carlo scenarios ({@link org.tea.results.Distribution}). Below both the output writers and the
 * report, so neither depends on the other. The key figures lay out their own {@code summary} row ({@link
 * org.tea.results.KeyFigures#figures()}) while the column names are in {@code org.tea.io}: that package depends on
 * this one, not the other way round.
 */
package org.tea.results;
