/**
 * The market's pure-Java pieces (MODEL sections 4, 5, 8): the exact follower solver, calibration of users from a reference load, the aggregated offer with its slope, growth and integral summed one prosumer-day at a time ({@link org.tea.market.OfferSums}: no sorted surpluses, nothing stored per prosumer), settlement, best-response gaps and clearing violations; the storage unit's exact solver (section 12: {@link org.tea.market.StorageSolver}, with its package-private parts). No I/O, no Spark, no allocation on the per-user-day path.
 */
package org.tea.market;
