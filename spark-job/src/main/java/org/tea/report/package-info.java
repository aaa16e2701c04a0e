/**
 * Key figures of a study (MODEL section 9), TE against the conventional retailer, from market-level sums only.
 */
package org.tea.report;
