/**
 * The market's pure-Java pieces (MODEL sections 4, 5, 8): the exact follower solver, calibration of users from a reference load, the aggregated offer curve with its integral, settlement, best-response gaps and clearing violations. No I/O, no Spark, no allocation on the per-user-day path.
 */
package org.tea.market;
