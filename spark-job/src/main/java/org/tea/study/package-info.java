/**
 * The composition root of a study run (MATSim's config, scenario, controller, run): {@link
 * org.tea.study.StudySetup} turns a validated configuration into the calendar, the exogenous prices and a recipe
 * for every block of end-users and prosumers; {@link org.tea.study.StudyRun} starts the engine, solves every
 * game, writes the tables and moves the output folder into place.
 */
package org.tea.study;
