package org.tea.engine;

import java.util.List;
import org.tea.model.Hours;
import org.tea.model.ProsumerDay;

/**
 * Prosumers given explicitly, one {@link ProsumerDay} per prosumer and game, for tests and small studies. Their
 * generation and load are stored per game (48 doubles per prosumer-day) and evaluated per pass like any block's.
 */
public final class ExplicitProsumerBlock implements ProsumerBlock {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;

    private final String[] ids;
    private final double[] generation;
    private final double[] load;

    /** {@code days.get(game).get(prosumer)}; every game lists the same prosumers in the same order. */
    public ExplicitProsumerBlock(List<List<ProsumerDay>> days) {
        int games = days.size();
        int n = games == 0 ? 0 : days.get(0).size();
        ids = new String[n];
        generation = new double[games * n * T];
        load = new double[games * n * T];
        for (int g = 0; g < games; g++) {
            List<ProsumerDay> ps = days.get(g);
            if (ps.size() != n) {
                throw new IllegalArgumentException("game " + g + " has " + ps.size() + " prosumers, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                ProsumerDay p = ps.get(i);
                if (g == 0) {
                    ids[i] = p.id();
                } else if (!ids[i].equals(p.id())) {
                    throw new IllegalArgumentException("game " + g + " lists " + p.id() + " where " + ids[i] + " was expected");
                }
                System.arraycopy(p.generation(), 0, generation, (g * n + i) * T, T);
                System.arraycopy(p.load(), 0, load, (g * n + i) * T, T);
            }
        }
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int i) {
        return ids[i];
    }

    @Override
    public void fill(int i, int game, double[] gen, double[] ld) {
        int r = (game * ids.length + i) * T;
        System.arraycopy(generation, r, gen, 0, T);
        System.arraycopy(load, r, ld, 0, T);
    }
}
