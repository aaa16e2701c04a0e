/**
 * What a study's results mean, computed from market-level sums only (MODEL section 9): the key figures of one
 * scenario, TE against the conventional retailer ({@link org.tea.results.KeyFigures}), and their distribution
 * over Monte Carlo scenarios ({@link org.tea.results.Distribution}). Below both the output writers and the
 * report, so neither depends on the other.
 */
package org.tea.results;
