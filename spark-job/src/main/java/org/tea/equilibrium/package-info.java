/**
 * The inner-outer driver of MODEL sections 6-7, shared by every engine: all games in lockstep, projected Newton (or tatonnement) clearing, the leaders' sensitivity update, convergence criteria as value objects, each game's status and certificate, a trace row per pass.
 */
package org.tea.equilibrium;
