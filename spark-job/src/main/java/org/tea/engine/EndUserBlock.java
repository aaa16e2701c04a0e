package org.tea.engine;

/**
 * A fixed group of end-users, the unit both engines evaluate in one go. Membership of a block never depends
 * on partitions or threads, and a block always visits its users in the same order, so its double partial
 * sums are reproducible; blocks then combine exactly ({@link ExactSums}).
 *
 * <p>{@link #fill} builds user k's problem for one game into caller-owned arrays, so a block may hold explicit
 * parameters (tests) or calibrate from a reference load on the fly (studies: a million users never need a
 * million x 8,760 stored values).
 */
public interface EndUserBlock extends java.io.Serializable {

    int size();

    /** User k's id, as written to the outputs. */
    String id(int k);

    /**
     * User k's end-user archetype, an index in {@code [0, archetypes())} into the study's archetypes (whose
     * names the driver keeps): the settlement sums each archetype's users apart. By default every user is of
     * archetype 0.
     */
    default int archetype(int k) {
        return 0;
    }

    /** How many archetypes this block's indices range over (at least 1): the study's, or more than any index. */
    default int archetypes() {
        return 1;
    }

    /**
     * What this block shares with every other block of its study (load shapes, tariff, capacity factors): one
     * copy per executor, however many blocks and partitions refer to it. Spark's storage counts it once per
     * cached partition; the engine's memory accounting takes that back out and counts it once per executor.
     * Null when the block shares nothing.
     */
    default Object shared() {
        return null;
    }

    /**
     * Fills user k's follower problem for game {@code game}: {@code alpha}, {@code dmin}, {@code dmax} (24 each)
     * and {@code energy[0] = Emin}, {@code energy[1] = Emax}; returns {@code beta}.
     */
    double fill(int k, int game, double[] alpha, double[] dmin, double[] dmax, double[] energy);
}
