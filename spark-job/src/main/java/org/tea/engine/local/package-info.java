/**
 * The in-memory engine: blocks held in this JVM and evaluated on a fixed thread pool, one task per block,
 * partials added on the calling thread. It is the engine for tests, small studies and machines without a
 * cluster, and the reference the Spark engine must match to the last bit; per-user results of the final
 * pass go straight to a caller's {@link org.tea.engine.UserResultSink}.
 */
package org.tea.engine.local;
