package org.tea.engine;

import java.util.List;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;

/**
 * End-users given explicitly, one {@link EndUserDay} per user and game: for tests and small studies whose
 * users are not calibrated from load shapes. Parameters are stored flat, by game then user. Users may be given
 * archetype indices; without them all are of archetype 0.
 */
public final class ExplicitEndUserBlock implements EndUserBlock {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;

    private final String[] ids;
    private final double[] alpha;
    private final double[] dmin;
    private final double[] dmax;
    private final double[] beta;
    private final double[] emin;
    private final double[] emax;
    private final int[] archetype;
    private final int archetypes;

    /** {@code days.get(game).get(user)}; every game lists the same users in the same order; all of archetype 0. */
    public ExplicitEndUserBlock(List<List<EndUserDay>> days) {
        this(days, null);
    }

    /**
     * As {@link #ExplicitEndUserBlock(List)}, user j of archetype {@code archetype[j] >= 0} (null: all 0); the
     * block's {@link #archetypes()} is one more than the largest index.
     */
    public ExplicitEndUserBlock(List<List<EndUserDay>> days, int[] archetype) {
        int games = days.size();
        int n = games == 0 ? 0 : days.get(0).size();
        this.archetype = archetype == null ? new int[n] : archetype.clone();
        if (this.archetype.length != n) {
            throw new IllegalArgumentException(this.archetype.length + " archetypes for " + n + " end-users");
        }
        int most = 0;
        for (int a : this.archetype) {
            if (a < 0) {
                throw new IllegalArgumentException("archetype index " + a + ", expected >= 0");
            }
            most = Math.max(most, a);
        }
        this.archetypes = most + 1;
        ids = new String[n];
        alpha = new double[games * n * T];
        dmin = new double[games * n * T];
        dmax = new double[games * n * T];
        beta = new double[games * n];
        emin = new double[games * n];
        emax = new double[games * n];
        for (int g = 0; g < games; g++) {
            List<EndUserDay> users = days.get(g);
            if (users.size() != n) {
                throw new IllegalArgumentException("game " + g + " has " + users.size() + " end-users, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                EndUserDay u = users.get(j);
                if (g == 0) {
                    ids[j] = u.id();
                } else if (!ids[j].equals(u.id())) {
                    throw new IllegalArgumentException("game " + g + " lists " + u.id() + " where " + ids[j] + " was expected");
                }
                int r = g * n + j;
                System.arraycopy(u.alpha(), 0, alpha, r * T, T);
                System.arraycopy(u.dmin(), 0, dmin, r * T, T);
                System.arraycopy(u.dmax(), 0, dmax, r * T, T);
                beta[r] = u.beta();
                emin[r] = u.emin();
                emax[r] = u.emax();
            }
        }
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int k) {
        return ids[k];
    }

    @Override
    public int archetype(int k) {
        return archetype[k];
    }

    @Override
    public int archetypes() {
        return archetypes;
    }

    @Override
    public double fill(int k, int game, double[] a, double[] lo, double[] hi, double[] energy) {
        int r = game * ids.length + k;
        System.arraycopy(alpha, r * T, a, 0, T);
        System.arraycopy(dmin, r * T, lo, 0, T);
        System.arraycopy(dmax, r * T, hi, 0, T);
        energy[0] = emin[r];
        energy[1] = emax[r];
        return beta[r];
    }
}
