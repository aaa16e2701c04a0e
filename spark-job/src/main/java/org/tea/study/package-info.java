/**
 * The composition root of a study run (MATSim's config, scenario, controller, run): {@link
 * org.tea.study.StudySetup} turns a validated configuration into the calendar, the exogenous prices and the recipe
 * for every block of end-users and prosumers ({@code StudyBlocks}, which the engine ships to where the blocks
 * live); {@link org.tea.study.StudyRun} starts the session, checks any population given as Parquet on the
 * executors (the setup then knows its size, never its members), starts the engine, solves every game, writes
 * the tables, the manifest and the summary into a hidden folder and moves it into place. The only package that knows every
 * other; nothing depends on it but the command line.
 */
package org.tea.study;
