package org.tea.engine;

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

    private final int size;
    /*
     * Allocated on the first addition: an empty vector serialises in a few bytes. A tree aggregate's zero value
     * is one, and Spark ships it inside the task binary of each stage and clones it for every task; at a year of
     * games the arrays are over a MB.
     */
    private long[] hi;
    private long[] lo;

    public ExactSums(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size = " + size + ", expected >= 0");
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    private void allocate() {
        if (hi == null) {
            hi = new long[size];
            lo = new long[size];
        }
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
        allocate();
        addRaw(i, (long) h, lBits);
    }

    /** Adds every entry of {@code partial} (same layout) to this vector. */
    public void addAll(double[] partial) {
        for (int i = 0; i < partial.length; i++) {
            add(i, partial[i]);
        }
    }

    /** Adds entry j of {@code src} to entry i of this vector, exactly. */
    public void addFrom(int i, ExactSums src, int j) {
        if (src.hi == null || (src.hi[j] == 0 && src.lo[j] == 0)) {
            java.util.Objects.checkIndex(j, src.size);
            return;
        }
        allocate();
        addRaw(i, src.hi[j], src.lo[j]);
    }

    /** Sets entry i of this vector to entry j of {@code src}, exactly. */
    public void set(int i, ExactSums src, int j) {
        allocate();
        hi[i] = src.hiAt(j);
        lo[i] = src.loAt(j);
    }

    private void addRaw(int i, long h, long l) {
        long sum = lo[i] + l;
        long carry = Long.compareUnsigned(sum, lo[i]) < 0 ? 1 : 0;
        lo[i] = sum;
        hi[i] += h + carry;
    }

    /** Adds another vector of the same size; exact, so merge order never matters. */
    public ExactSums merge(ExactSums other) {
        if (other.size != size) {
            throw new IllegalArgumentException("size " + other.size + ", expected " + size);
        }
        if (other.hi == null) {
            return this;
        }
        allocate();
        for (int i = 0; i < size; i++) {
            addRaw(i, other.hi[i], other.lo[i]);
        }
        return this;
    }

    /** The sum of entry i, rounded to a double (a function of the exact integer only). */
    public double get(int i) {
        if (hi == null) {
            java.util.Objects.checkIndex(i, size);
            return 0.0;
        }
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

    /** Whether nothing but zeros was ever added (no arrays are held then). */
    public boolean isEmpty() {
        return hi == null;
    }

    public double[] toDoubles() {
        double[] out = new double[size];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExactSums e) || e.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) { // an empty vector equals an allocated one of zeros
            if (hiAt(i) != e.hiAt(i) || loAt(i) != e.loAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * (31 * h + Long.hashCode(hiAt(i))) + Long.hashCode(loAt(i));
        }
        return h;
    }

    private long hiAt(int i) {
        return hi == null ? 0 : hi[i];
    }

    private long loAt(int i) {
        return lo == null ? 0 : lo[i];
    }
}
