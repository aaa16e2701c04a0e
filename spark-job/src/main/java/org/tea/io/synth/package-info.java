/**
 * Synthetic but physically grounded cities (MODEL section 10): PV from solar geometry and a stochastic clear-sky
 * index ({@link org.tea.io.synth.SolarGeometry}, {@link org.tea.io.synth.ClearnessIndex}), small wind
 * ({@link org.tea.io.synth.WindModel}), archetype load shapes ({@link org.tea.io.synth.LoadShapes}), wholesale
 * prices ({@link org.tea.io.synth.WholesalePrices}), and end-users and prosumers drawn per index
 * ({@link org.tea.io.synth.SyntheticCity}), written as an inputs folder by {@link org.tea.io.synth.CityWriter}.
 *
 * <p>Reproducibility: every random draw comes from a generator seeded through {@link org.tea.io.synth.Seeds} by the
 * study seed and the coordinates of the draw (stream, scenario, entity, day), never from a generator shared across
 * entities, so results do not depend on partitioning, executor count or generation order. A single draw that is
 * recomputed where it is used, a prosumer's daily PV factor, is counter-based: its coordinates hash to a uniform
 * ({@link org.tea.io.synth.Seeds#uniform}) that a quantile function maps, with no generator made. Scenarios redraw only the
 * weather (clear-sky index and wind); prices, load shapes and the population are the same in every scenario.
 */
package org.tea.io.synth;
