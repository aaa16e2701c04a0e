package org.tea.io.synth;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.random.Well512a;

/**
 * The one place where random streams get their seeds (MODEL section 10). Every draw of the simulator comes from a
 * generator seeded by a 64-bit value derived here from the study seed and the coordinates of the draw (a named
 * stream, the scenario, the entity, the day), never from a shared generator advanced in some order. So a value
 * depends only on its coordinates: not on partitioning, executor count or the order in which entities are made.
 *
 * <p>Derivation: {@code h = mix(seed + GAMMA)}, then each part {@code x} in turn is absorbed as
 * {@code h = mix((h ^ x) + GAMMA)}, where {@code mix} is the SplitMix64 finaliser (Stafford's variant 13, a
 * bijection of 64-bit values with full avalanche) and {@code GAMMA} the golden-ratio constant. Neighbouring inputs
 * (entity 41 and 42, day 1 and 2) thus give unrelated seeds. Named streams ({@link #stream}) keep unrelated uses
 * of the same study seed apart: end-user 42 and prosumer 42 must not share their draws.
 */
public final class Seeds {
    /** 2^64 / phi, odd: SplitMix64's increment. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** FNV-1a 64-bit parameters, for {@link #id}. */
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Seeds() {
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix in which every input bit flips about half the output bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of the draw at (seed, scenario, entity, day); use 0 for a coordinate that does not apply. */
    public static long of(long seed, int scenario, long entity, int day) {
        long h = mix(seed + GAMMA);
        h = absorb(h, scenario);
        h = absorb(h, entity);
        return absorb(h, day);
    }

    /** The study seed of a named stream, e.g. {@code stream(seed, "clearness")}; feed the result to {@link #of}. */
    public static long stream(long seed, String name) {
        return absorb(mix(seed + GAMMA), id(name));
    }

    /**
     * A 64-bit hash of a string id, the same on every JVM: FNV-1a over its UTF-16 chars, then {@link #mix}.
     * Not {@code String.hashCode}: it is stable too, but 32 bits collide by the birthday bound at ~10^5 ids, and a
     * collision would give two prosumers the same idiosyncratic weather.
     */
    public static long id(String id) {
        long h = FNV_OFFSET;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    /**
     * A uniform number in the open interval (0, 1) from a seed made by {@link #of}: its top 53 bits, centred on
     * the grid {@code (k + 1/2) 2^-53}, so it is never 0 or 1. For a single draw that is recomputed where it is used
     * (counter-based: no generator is made), e.g. through a distribution's quantile function.
     */
    public static double uniform(long seed) {
        return ((seed >>> 11) + 0.5) * 0x1.0p-53;
    }

    /**
     * A generator for one long series (a year of hourly weather): commons-math's WELL19937c, seeded with all 64
     * bits of {@code seed}.
     */
    public static RandomGenerator series(long seed) {
        return new Well19937c(seed);
    }

    /**
     * A generator for a handful of draws (one user's attributes, one prosumer-day's factor): WELL512a has a
     * 16-word state (WELL19937c has 624), so it is cheap to seed, which matters when executors make one per
     * entity-day. Its seed is already mixed by {@link #of}, so its first outputs are well spread.
     */
    public static RandomGenerator small(long seed) {
        return new Well512a(seed);
    }

    private static long absorb(long h, long part) {
        return mix((h ^ part) + GAMMA);
    }
}
