package org.tea.engine;

/**
 * A recipe for a study's blocks that every engine follows where its blocks live: the Spark engine ships the
 * recipe once and builds each block on the executor that keeps it, the local engine builds them in place. A
 * generated city makes a block from its index alone; a city read from files also needs the block's members,
 * which only the driver has: {@link #endUserMembers} gives them on the driver, and the engine hands them to
 * {@link #endUserBlock} wherever the block is built. A population read where its rows live (Parquet, on the
 * executors) has no blocks by index ({@link #endUserBlocks} counts none of it): the engine groups its rows, up to
 * {@link #endUserBlockSize} a block, and hands each group to {@link #endUserBlockOf} where the rows are.
 * Implementations keep driver-only data transient, so that shipping the recipe ships only what building needs.
 */
public interface BlockSource extends java.io.Serializable {

    int endUserBlocks();

    int prosumerBlocks();

    /** Driver side: what end-user block {@code b} is built from besides its index, or null if nothing. */
    default java.io.Serializable endUserMembers(int b) {
        return null;
    }

    /** Driver side: what prosumer block {@code b} is built from besides its index, or null if nothing. */
    default java.io.Serializable prosumerMembers(int b) {
        return null;
    }

    /** End-user block {@code b}, given what {@link #endUserMembers} returned for it. */
    EndUserBlock endUserBlock(int b, java.io.Serializable members);

    /** Prosumer block {@code b}, given what {@link #prosumerMembers} returned for it. */
    ProsumerBlock prosumerBlock(int b, java.io.Serializable members);

    /** Storage blocks (MODEL section 12); none by default. */
    default int storageBlocks() {
        return 0;
    }

    /** Driver side: what storage block {@code b} is built from besides its index, or null if nothing. */
    default java.io.Serializable storageMembers(int b) {
        return null;
    }

    /** Storage block {@code b}, given what {@link #storageMembers} returned for it. */
    default StorageBlock storageBlock(int b, java.io.Serializable members) {
        throw new IndexOutOfBoundsException("no storage block " + b);
    }

    /** The most end-users a block built from rows holds. */
    default int endUserBlockSize() {
        throw new UnsupportedOperationException("this source builds no blocks from rows");
    }

    /** The most prosumers a block built from rows holds. */
    default int prosumerBlockSize() {
        throw new UnsupportedOperationException("this source builds no blocks from rows");
    }

    /** A block of the given end-users, in this order (rows read where the block is built). */
    default EndUserBlock endUserBlockOf(java.util.List<org.tea.model.EndUserSpec> members) {
        throw new UnsupportedOperationException("this source builds no blocks from rows");
    }

    /** A block of the given prosumers, in this order (rows read where the block is built). */
    default ProsumerBlock prosumerBlockOf(java.util.List<org.tea.model.ProsumerSpec> members) {
        throw new UnsupportedOperationException("this source builds no blocks from rows");
    }
}
