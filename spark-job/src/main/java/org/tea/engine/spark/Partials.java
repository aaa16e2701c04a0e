package org.tea.engine.spark;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.tea.engine.EndUserBlock;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.StorageKernel;
import org.tea.engine.PassRequest;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.engine.StorageBlock;
import org.tea.engine.UserResultSink;

/**
 * Executor side of a pass and of the settlement sums: one double partial per block, summed lazily as the
 * partition is read. Static, so no closure ever drags the engine along. A fresh {@link PassKernel.Scratch} per
 * block, as in the local engine: a block's partial then depends on nothing but the block and the request,
 * whatever ran before it in the partition; it is a few arrays against a block's work.
 */
final class Partials {

    private Partials() {
    }

    /** One block's settlement sums, best-response gaps and storage units' KKT violations (per slot). */
    record Settled(double[] sums, double[] gaps, double[] kkt) implements java.io.Serializable {
        Settled(double[] sums, double[] gaps) {
            this(sums, gaps, new double[gaps.length]);
        }
    }

    /** One kernel of a pass over one block ({@link PassKernel#followers}, {@code offers}, {@code storage}). */
    interface Kernel<B> {
        void add(B block, PassRequest request, PassKernel.Scratch scratch, double[] partial);
    }

    static Iterator<double[]> followers(Iterator<EndUserBlock> blocks, PassRequest r, LongAccumulator time) {
        return timed(blocks, r, time, PassKernel::followers, PassAggregates::newFollowerPartial);
    }

    static Iterator<double[]> offers(Iterator<ProsumerBlock> blocks, PassRequest r, LongAccumulator time) {
        return timed(blocks, r, time, PassKernel::offers, q -> PassAggregates.newPartial(q.slots()));
    }

    static Iterator<double[]> storage(Iterator<StorageBlock> blocks, PassRequest r, LongAccumulator time) {
        return timed(blocks, r, time, StorageKernel::storage,
                q -> PassAggregates.newStoragePartial(q.slots()));
    }

    /** Each block's partial of the pass (in the layout {@code newPartial} makes), the kernel's time added. */
    private static <B> Iterator<double[]> timed(Iterator<B> blocks, PassRequest r, LongAccumulator time,
            Kernel<B> kernel, Function<PassRequest, double[]> newPartial) {
        return map(blocks, block -> {
            long t0 = System.nanoTime();
            double[] partial = newPartial.apply(r);
            kernel.add(block, r, new PassKernel.Scratch(), partial);
            time.add(System.nanoTime() - t0);
            return partial;
        });
    }

    static Iterator<Settled> settledStorage(Iterator<StorageBlock> blocks, SettleRequest r) {
        return map(blocks, block -> {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            double[] kkt = new double[r.slots()];
            StorageKernel.settleStorage(block, r, new PassKernel.Scratch(), partial, kkt, UserResultSink.NONE);
            return new Settled(partial, new double[r.slots()], kkt);
        });
    }

    static Iterator<Settled> settledEndUsers(Iterator<EndUserBlock> blocks, SettleRequest r) {
        return map(blocks, block -> {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            PassKernel.settleEndUsers(block, r, new PassKernel.Scratch(), partial, UserResultSink.NONE);
            return new Settled(partial, new double[r.slots()]);
        });
    }

    static Iterator<Settled> settledProsumers(Iterator<ProsumerBlock> blocks, SettleRequest r) {
        return map(blocks, block -> {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            double[] gaps = new double[r.slots()];
            PassKernel.settleProsumers(block, r, new PassKernel.Scratch(), partial, gaps, UserResultSink.NONE);
            return new Settled(partial, gaps);
        });
    }

    /** A lazy map, so a partition's partials are summed as they come and never held together. */
    static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(in.next());
            }
        };
    }
}
