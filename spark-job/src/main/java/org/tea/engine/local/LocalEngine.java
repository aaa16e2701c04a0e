package org.tea.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tea.engine.BlockSource;
import org.tea.engine.EndUserBlock;
import org.tea.engine.MarketEngine;
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
 * The in-memory engine: blocks of end-users and prosumers held in this JVM and evaluated on a fixed thread
 * pool, one task per block. Results equal the Spark engine's to the last bit for the same blocks, because
 * both run {@link PassKernel} per block and combine blocks exactly.
 */
public final class LocalEngine implements MarketEngine {
    private final List<EndUserBlock> endUsers;
    private final List<ProsumerBlock> prosumers;
    private final List<StorageBlock> storage;
    private final int games;
    private final ExecutorService pool;
    private final UserResultSink sink;
    private final int archetypes;
    private long passes;

    /** An engine over every block of {@code source}, built here. */
    public static LocalEngine of(BlockSource source, int games, int threads, UserResultSink sink) {
        List<EndUserBlock> endUsers = new ArrayList<>();
        for (int b = 0; b < source.endUserBlocks(); b++) {
            endUsers.add(source.endUserBlock(b, source.endUserMembers(b)));
        }
        List<ProsumerBlock> prosumers = new ArrayList<>();
        for (int b = 0; b < source.prosumerBlocks(); b++) {
            prosumers.add(source.prosumerBlock(b, source.prosumerMembers(b)));
        }
        List<StorageBlock> storage = new ArrayList<>();
        for (int b = 0; b < source.storageBlocks(); b++) {
            storage.add(source.storageBlock(b, source.storageMembers(b)));
        }
        return new LocalEngine(endUsers, prosumers, storage, games, threads, sink);
    }

    /**
     * @param sink receives per-user results of {@link #settle}; called from pool threads, one block at a time
     *             per thread, so a sink shared by threads must be thread-safe
     */
    public LocalEngine(List<? extends EndUserBlock> endUsers, List<? extends ProsumerBlock> prosumers, int games,
            int threads, UserResultSink sink) {
        this(endUsers, prosumers, List.of(), games, threads, sink);
    }

    /** An engine with storage blocks as well (MODEL section 12). */
    public LocalEngine(List<? extends EndUserBlock> endUsers, List<? extends ProsumerBlock> prosumers,
            List<StorageBlock> storage, int games, int threads, UserResultSink sink) {
        this.endUsers = List.copyOf(endUsers);
        this.prosumers = List.copyOf(prosumers);
        this.storage = List.copyOf(storage);
        this.games = games;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tea-local-engine");
            t.setDaemon(true);
            return t;
        });
        this.sink = sink == null ? UserResultSink.NONE : sink;
        this.archetypes = this.endUsers.stream().mapToInt(EndUserBlock::archetypes).max().orElse(1);
    }

    @Override
    public int games() {
        return games;
    }

    @Override
    public int archetypes() {
        return archetypes;
    }

    /** Without a sink, nothing needs the end-users settled one by one: the passes sum them. */
    @Override
    public boolean sumsEndUsersInPasses() {
        return sink == UserResultSink.NONE;
    }

    @Override
    public long passes() {
        return passes;
    }

    @Override
    public boolean hasStorage() {
        return !storage.isEmpty();
    }

    @Override
    public PassAggregates evaluate(PassRequest request) {
        if (hasStorage() && request.followerSlots() < request.slots()) {
            throw new IllegalArgumentException("a pass with storage units must evaluate every slot's followers");
        }
        passes++;
        int slots = request.slots();
        List<Future<double[]>> parts = new ArrayList<>();
        for (EndUserBlock block : request.followerSlots() == 0 ? List.<EndUserBlock>of() : endUsers) {
            parts.add(pool.submit(() -> {
                double[] partial = PassAggregates.newFollowerPartial(request);
                PassKernel.followers(block, request, new PassKernel.Scratch(), partial);
                return partial;
            }));
        }
        for (ProsumerBlock block : prosumers) {
            parts.add(pool.submit(() -> {
                double[] partial = PassAggregates.newPartial(slots);
                PassKernel.offers(block, request, new PassKernel.Scratch(), partial);
                return partial;
            }));
        }
        for (StorageBlock block : storage) {
            parts.add(pool.submit(() -> {
                double[] partial = PassAggregates.newStoragePartial(slots);
                StorageKernel.storage(block, request, new PassKernel.Scratch(), partial);
                return partial;
            }));
        }
        PassAggregates total = new PassAggregates(request);
        for (Future<double[]> f : parts) {
            total.add(join(f));
        }
        return total;
    }

    @Override
    public SettleAggregates settle(SettleRequest request) {
        passes++;
        int slots = request.slots();
        int arch = request.archetypes();
        List<Future<SettleAggregates>> parts = new ArrayList<>();
        for (EndUserBlock block : request.endUsers() ? endUsers : List.<EndUserBlock>of()) {
            parts.add(pool.submit(() -> {
                double[] partial = SettleAggregates.newPartial(slots, arch);
                PassKernel.settleEndUsers(block, request, new PassKernel.Scratch(), partial, sink);
                return new SettleAggregates(slots, arch).add(partial, new double[slots]);
            }));
        }
        for (ProsumerBlock block : prosumers) {
            parts.add(pool.submit(() -> {
                double[] partial = SettleAggregates.newPartial(slots, arch);
                double[] gaps = new double[slots];
                PassKernel.settleProsumers(block, request, new PassKernel.Scratch(), partial, gaps, sink);
                return new SettleAggregates(slots, arch).add(partial, gaps);
            }));
        }
        for (StorageBlock block : storage) {
            parts.add(pool.submit(() -> {
                double[] partial = SettleAggregates.newPartial(slots, arch);
                double[] kkt = new double[slots];
                StorageKernel.settleStorage(block, request, new PassKernel.Scratch(), partial, kkt, sink);
                return new SettleAggregates(slots, arch).add(partial, new double[slots], kkt);
            }));
        }
        SettleAggregates total = new SettleAggregates(slots, arch);
        for (Future<SettleAggregates> f : parts) {
            total.merge(join(f));
        }
        return total;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating a pass", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
