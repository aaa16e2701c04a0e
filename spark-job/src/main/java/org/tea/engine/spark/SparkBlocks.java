package org.tea.engine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.tea.engine.BlockSource;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.StorageBlock;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;

/**
 * Blocks as RDDs whose partitions hold only block indices, with what the blocks are made from broadcast once.
 * {@code parallelize} of blocks or members would embed them in the partitions, which Spark serialises on the
 * driver and ships again with every task of every pass even after the RDD is cached; captured by a lambda,
 * they would ride in every stage's task binary instead. A broadcast lives as long as the lineage that reads it,
 * because a lost cached partition is rebuilt from it: {@link Built#destroy} is for when the blocks are done with.
 */
public final class SparkBlocks {

    private SparkBlocks() {
    }

    /** Both populations of a {@link BlockSource}, and the broadcasts their lineage reads. */
    public record Built(JavaRDD<EndUserBlock> endUsers, JavaRDD<ProsumerBlock> prosumers,
            JavaRDD<StorageBlock> storage, List<Broadcast<?>> broadcasts) {
        /** Destroys the broadcasts; call only once the blocks will not be computed again. */
        public void destroy() {
            for (Broadcast<?> b : broadcasts) {
                b.destroy();
            }
        }
    }

    /**
     * The rows of the populations read on the executors (Parquet), each null for a population the source builds
     * by index. Their partitions become the blocks' partitions: each must start at a block boundary and hold its
     * blocks' rows in order, every block but the last full, so that the blocks are those of the same city read
     * on the driver (blocks sum their users in plain doubles: other blocks would change the last bits).
     */
    public record Rows(JavaRDD<EndUserSpec> endUsers, JavaRDD<ProsumerSpec> prosumers) {
        public static final Rows NONE = new Rows(null, null);
    }

    /**
     * The source's blocks, built on the executors: the source is broadcast once, and so are the members of each
     * block that has any (a city read from files), each on its own so an executor fetches only those of the
     * blocks it builds. Blocks are spread over at most {@code partitions} contiguous slices.
     */
    public static Built build(JavaSparkContext jsc, BlockSource source, int partitions) {
        return build(jsc, source, partitions, Rows.NONE);
    }

    /**
     * As {@link #build(JavaSparkContext, BlockSource, int)}, except that a population with rows is built from
     * them where they are: each partition groups its rows in order, up to the source's block size, and the
     * source makes a block of each group. The driver sees neither rows nor blocks.
     */
    public static Built build(JavaSparkContext jsc, BlockSource source, int partitions, Rows rows) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions = " + partitions + ", expected >= 1");
        }
        List<Broadcast<?>> broadcasts = new ArrayList<>();
        Broadcast<BlockSource> shared = jsc.broadcast(source);
        broadcasts.add(shared);
        List<Broadcast<Serializable>> eu = members(jsc, source.endUserBlocks(), source::endUserMembers, broadcasts);
        List<Broadcast<Serializable>> pr = members(jsc, source.prosumerBlocks(), source::prosumerMembers, broadcasts);
        JavaRDD<EndUserBlock> endUsers;
        if (rows.endUsers() != null) {
            int size = source.endUserBlockSize();
            endUsers = rows.endUsers().mapPartitions(it -> grouped(it, size, g -> shared.value().endUserBlockOf(g)));
        } else {
            endUsers = indices(jsc, source.endUserBlocks(), partitions)
                    .map(b -> shared.value().endUserBlock(b, eu.get(b) == null ? null : eu.get(b).value()));
        }
        JavaRDD<ProsumerBlock> prosumers;
        if (rows.prosumers() != null) {
            int size = source.prosumerBlockSize();
            prosumers = rows.prosumers().mapPartitions(it -> grouped(it, size, g -> shared.value().prosumerBlockOf(g)));
        } else {
            prosumers = indices(jsc, source.prosumerBlocks(), partitions)
                    .map(b -> shared.value().prosumerBlock(b, pr.get(b) == null ? null : pr.get(b).value()));
        }
        List<Broadcast<Serializable>> st = members(jsc, source.storageBlocks(), source::storageMembers, broadcasts);
        JavaRDD<StorageBlock> storage = indices(jsc, source.storageBlocks(), partitions)
                .map(b -> shared.value().storageBlock(b, st.get(b) == null ? null : st.get(b).value()));
        return new Built(endUsers, prosumers, storage, List.copyOf(broadcasts));
    }

    /** A partition's rows as blocks of up to {@code size} consecutive rows, made one at a time as they are asked for. */
    static <M, B> Iterator<B> grouped(Iterator<M> rows, int size, Function<List<M>, B> block) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public B next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<M> group = new ArrayList<>(size);
                while (group.size() < size && rows.hasNext()) {
                    group.add(rows.next());
                }
                return block.apply(group);
            }
        };
    }

    private static List<Broadcast<Serializable>> members(JavaSparkContext jsc, int blocks,
            java.util.function.IntFunction<Serializable> of, List<Broadcast<?>> all) {
        List<Broadcast<Serializable>> out = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            Serializable m = of.apply(b);
            Broadcast<Serializable> cast = m == null ? null : jsc.broadcast(m);
            if (cast != null) {
                all.add(cast);
            }
            out.add(cast);
        }
        return out;
    }

    private static JavaRDD<Integer> indices(JavaSparkContext jsc, int blocks, int partitions) {
        return jsc.parallelize(IntStream.range(0, blocks).boxed().toList(), Math.max(1, Math.min(partitions, blocks)));
    }

    /**
     * Blocks already built on the driver (tests, small studies), in list order, in {@code partitions} contiguous
     * slices (more partitions than blocks leaves some empty). The list is broadcast once, for as long as the
     * RDD's lineage lives.
     */
    public static <B extends Serializable> JavaRDD<B> parallelize(JavaSparkContext jsc, List<? extends B> blocks,
            int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions = " + partitions + ", expected >= 1");
        }
        Broadcast<List<B>> all = jsc.broadcast(new ArrayList<>(blocks));
        List<Integer> indices = IntStream.range(0, blocks.size()).boxed().toList();
        return jsc.parallelize(indices, partitions).map(i -> all.value().get(i));
    }
}
