package org.tea.engine;

/**
 * A user's multiplier for one day from (scenario number, id hash, day of the year), a pure function with no stored
 * state: blocks recompute it where they use it, so their memory does not grow with days or scenarios.
 */
public interface DailyFactor extends java.io.Serializable {
    double of(int scenario, long idHash, int day);
}
