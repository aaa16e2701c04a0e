package org.tea.engine.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.tea.engine.EndUserBlock;
import org.tea.engine.PassKernel;
import org.tea.engine.StorageKernel;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.engine.StorageBlock;
import org.tea.model.Hours;

/**
 * Executor side of the per-user results: a partition's blocks settled one block and one game at a time, each
 * user's results turned into rows by a collector. Only the rows of one (block, game) are ever held. With
 * {@link SettleSums}, each (block, game)'s settlement sums go there as well, so the job that writes a table also
 * sums its population: the same doubles as {@link Partials}' sums, a fresh scratch per block as there.
 */
final class SettledRows<B, R> implements Iterator<R> {
    private static final int T = Hours.T;

    private final Iterator<B> blocks;
    private final SettleRequest[] slices;
    private final UserTableWriter.RowCollector<R> collector;
    /** Where the sums go, or null when another job makes them. */
    private final SettleSums sums;
    private PassKernel.Scratch scratch;
    private final double[] partial;
    private final double[] gaps = new double[1];
    private B block;
    private int slot;
    /** The next row of the current (block, game) and how many it has. */
    private int row;
    private int rows;

    SettledRows(Iterator<B> blocks, SettleRequest full, UserTableWriter.RowCollector<R> collector,
            SettleSums sums) {
        this.blocks = blocks;
        this.collector = collector;
        this.sums = sums;
        this.partial = SettleAggregates.newPartial(1, full.archetypes());
        this.slices = new SettleRequest[full.slots()];
        for (int k = 0; k < slices.length; k++) {
            slices[k] = slice(full, k);
        }
        this.slot = slices.length;
    }

    @Override
    public boolean hasNext() {
        while (row == rows) {
            if (slot == slices.length) {
                if (!blocks.hasNext()) {
                    return false;
                }
                block = blocks.next();
                scratch = new PassKernel.Scratch();
                slot = 0;
            }
            int k = slot++;
            SettleRequest one = slices[k];
            collector.start(one.games()[0]);
            Arrays.fill(partial, 0.0);
            gaps[0] = 0.0;
            if (block instanceof EndUserBlock e) {
                PassKernel.settleEndUsers(e, one, scratch, partial, collector);
                if (sums != null) {
                    sums.addSlot(partial, k, 0.0, 0.0, e.size());
                }
            } else if (block instanceof StorageBlock s) {
                StorageKernel.settleStorage(s, one, scratch, partial, gaps, collector);
                if (sums != null) {
                    sums.addSlot(partial, k, 0.0, gaps[0], s.size());
                }
            } else {
                ProsumerBlock p = (ProsumerBlock) block;
                PassKernel.settleProsumers(p, one, scratch, partial, gaps, collector);
                if (sums != null) {
                    sums.addSlot(partial, k, gaps[0], 0.0, p.size());
                }
            }
            row = 0;
            rows = collector.rows();
        }
        return true;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return collector.row(row++);
    }

    /** Slot k of a settle request as a one-game request (a user's results do not depend on other games). */
    static SettleRequest slice(SettleRequest r, int k) {
        int from = k * T;
        int to = from + T;
        return new SettleRequest(new int[] {r.games()[k]}, Arrays.copyOfRange(r.lambda(), from, to),
                Arrays.copyOfRange(r.sensitivity(), from, to), Arrays.copyOfRange(r.demand(), from, to),
                Arrays.copyOfRange(r.offered(), from, to), Arrays.copyOfRange(r.surplusTotal(), from, to),
                Arrays.copyOfRange(r.exportPrice(), from, to), Arrays.copyOfRange(r.importPrice(), from, to),
                Arrays.copyOfRange(r.tariff(), from, to), Arrays.copyOfRange(r.feedIn(), from, to), r.behaviour(),
                r.archetypes());
    }
}
