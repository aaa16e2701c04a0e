package org.tea.engine;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * What one pass sends to where the populations live (MODEL section 6): for each active game (a scenario-day),
 * the retail prices {@code lambda} and the published sensitivities {@code S} (the leaders' offer parameter),
 * the export prices {@code pi_s} the offers are anchored at, and the price window within which followers count
 * as at a kink of their sensitivity (MODEL 7: the one-sided sums are taken at {@code lambda_t -+ window_t}). Slot
 * k of the arrays covers game {@code games[k]}, hour t at index {@code k * T + t}. Nothing private travels:
 * only prices and {@code S}.
 */
public record PassRequest(int[] games, double[] lambda, double[] sensitivity, double[] exportPrice, double[] window,
        Behaviour behaviour) implements java.io.Serializable {

    public PassRequest {
        int n = games.length * Hours.T;
        if (lambda.length != n || sensitivity.length != n || exportPrice.length != n || window.length != n) {
            throw new IllegalArgumentException("pass request: arrays must hold " + n + " values (games x 24)");
        }
    }

    public int slots() {
        return games.length;
    }
}
