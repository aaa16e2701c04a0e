package org.tea.io.spark;

import org.apache.spark.Partitioner;

/** Positions to partitions: block {@code position / size}, blocks in contiguous slices. */
final class BlockSlices extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long blocks;
    private final int size;
    private final int partitions;

    BlockSlices(long rows, int size, int partitions) {
        this.blocks = Math.max(1, (rows + size - 1) / size);
        this.size = size;
        this.partitions = (int) Math.max(1, Math.min(partitions, blocks));
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (int) ((Long) key / size * partitions / blocks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSlices b && b.blocks == blocks && b.size == size && b.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(blocks, size, partitions);
    }
}
