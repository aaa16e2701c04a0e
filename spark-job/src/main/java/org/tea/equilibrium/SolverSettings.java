package org.tea.equilibrium;

import org.tea.model.Behaviour;

/**
 * Everything the inner-outer driver needs to know besides prices and populations.
 *
 * @param theta           damping of the sensitivity update, in (0, 1]
 * @param maxOuter        outer iterations before a game is reported {@link Status#MAX_ITERATIONS_REACHED}
 * @param maxInner        passes one clearing may take
 * @param tatonnementStep price step per kWh of excess demand (currency/kWh per kWh), tatonnement only
 */
public record SolverSettings(Behaviour behaviour, ClearingMethod method, ClearingCriterion clearing,
        SensitivityCriterion outer, double theta, int maxOuter, int maxInner, double tatonnementStep)
        implements java.io.Serializable {

    public SolverSettings {
        if (!(theta > 0 && theta <= 1)) {
            throw new IllegalArgumentException("theta = " + theta + ", expected in (0, 1]");
        }
        if (maxOuter < 1 || maxInner < 1) {
            throw new IllegalArgumentException("maxOuter and maxInner must be >= 1");
        }
        if (!(tatonnementStep > 0)) {
            throw new IllegalArgumentException("tatonnementStep = " + tatonnementStep + ", expected > 0");
        }
    }

    /** MODEL's defaults: Newton, tol_clear 1e-7, tol_outer 1e-6, theta 1. */
    public static SolverSettings defaults(Behaviour behaviour) {
        return new SolverSettings(behaviour, ClearingMethod.NEWTON, new ClearingCriterion(1e-7),
                new SensitivityCriterion(1e-6), 1.0, 100, 200, 1e-5);
    }

    public SolverSettings withMethod(ClearingMethod m, double step, int inner) {
        return new SolverSettings(behaviour, m, clearing, outer, theta, maxOuter, inner, step);
    }
}
