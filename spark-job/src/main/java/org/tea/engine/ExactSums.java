package org.tea.engine;

import java.util.Arrays;

/**
 * A vector of order-independent sums: each double is rounded once to a 128-bit fixed-point integer with a
 * resolution of 2^-64 (about 5e-20) and a range of 2^63, and integers add exactly. However partitions,
 * threads or tree aggregation group the blocks, the totals are the same to the last bit, which is what makes
 * results independent of cores and partition counts. Blocks sum their own users in plain doubles, in a
 * fixed order, and only their partial sums come here.
 */
public final class ExactSums implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final double TWO_64 = 0x1p64;
    private static final double TWO_63 = 0x1p63;

    private final long[] hi;
    private final long[] lo;

    public ExactSums(int size) {
        hi = new long[size];
        lo = new long[size];
    }

    public int size() {
        return hi.length;
    }

    /** Adds {@code v} to entry i; {@code |v|} must stay below 2^63. */
    public void add(int i, double v) {
        if (v == 0.0) {
            return;
        }
        if (!(Math.abs(v) < TWO_63)) {
            throw new ArithmeticException("value " + v + " outside the exact-sum range");
        }
        double w = Math.scalb(v, 64);
        double h = Math.floor(w / TWO_64);
        double l = w - h * TWO_64; // exact, in [0, 2^64)
        long lBits = l >= TWO_63 ? (long) (l - TWO_63) + Long.MIN_VALUE : (long) l;
        addRaw(i, (long) h, lBits);
    }

    /** Adds every entry of {@code partial} (same layout) to this vector. */
    public void addAll(double[] partial) {
        for (int i = 0; i < partial.length; i++) {
            add(i, partial[i]);
        }
    }

    private void addRaw(int i, long h, long l) {
        long sum = lo[i] + l;
        long carry = Long.compareUnsigned(sum, lo[i]) < 0 ? 1 : 0;
        lo[i] = sum;
        hi[i] += h + carry;
    }

    /** Adds another vector of the same size; exact, so merge order never matters. */
    public ExactSums merge(ExactSums other) {
        for (int i = 0; i < hi.length; i++) {
            addRaw(i, other.hi[i], other.lo[i]);
        }
        return this;
    }

    /** The sum of entry i, rounded to a double (a function of the exact integer only). */
    public double get(int i) {
        long h = hi[i];
        long l = lo[i];
        boolean negative = h < 0;
        if (negative) { // convert the magnitude, so small negative totals keep full relative precision
            l = -l;
            h = ~h + (l == 0 ? 1 : 0);
        }
        double low = l < 0 ? (double) (l & Long.MAX_VALUE) + TWO_63 : (double) l;
        double magnitude = Math.scalb((double) h * TWO_64 + low, -64);
        return negative ? -magnitude : magnitude;
    }

    public double[] toDoubles() {
        double[] out = new double[hi.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSums e && Arrays.equals(hi, e.hi) && Arrays.equals(lo, e.lo);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hi) + Arrays.hashCode(lo);
    }
}
