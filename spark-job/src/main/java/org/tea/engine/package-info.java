/**
 * Where the populations live and how a pass over them is evaluated, independent of the execution backend.
 * The equilibrium driver ({@link org.tea.equilibrium.EquilibriumSolver}) talks to a {@link org.tea.engine.MarketEngine}
 * only through small requests (prices, sensitivities) and exact sums, never per-user data, so the same
 * driver runs in one JVM or on a cluster. Users are grouped in fixed blocks ({@link org.tea.engine.EndUserBlock},
 * {@link org.tea.engine.ProsumerBlock}), made from a {@link org.tea.engine.BlockSource} where they will live;
 * {@link org.tea.engine.PassKernel} (and, for storage units, {@link org.tea.engine.StorageKernel}) turns one
 * block into one double partial, and partials combine in exact
 * arithmetic ({@link org.tea.engine.ExactSums}), which is why every engine gives the same bits whatever its
 * partitions or threads. The final pass's daily sums share one layout ({@link org.tea.engine.DaySum}) from the
 * kernel to the result, and per-user results leave through a {@link org.tea.engine.UserResultSink}. An engine with
 * no per-user end-user output has the passes sum the end-users' settlement ({@link org.tea.engine.EndUserSums})
 * and settles only prosumers and storage units at the end: the same sums without a pass over every end-user.
 *
 * <p>Blocks store nothing per user-day. A prosumer block stores what its prosumers are (capacities, archetype,
 * annual energy, id hash: 48 bytes each by Spark's estimate), never what they offer: every pass recomputes each
 * prosumer-day's generation, load and daily PV factor and sums its offers ({@link org.tea.engine.PassKernel#offers}).
 * An end-user block stores parameters and 24 habit factors per user (152 bytes); the daily level factor is a
 * {@link org.tea.engine.DailyFactor}, recomputed from (id hash, day). Ids are packed ({@link org.tea.engine.PackedIds}).
 * So a block's memory does not grow with games or scenarios.
 */
package org.tea.engine;
