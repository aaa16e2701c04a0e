package org.tea.equilibrium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.tea.engine.UserResultSink;
import org.tea.engine.local.LocalEngine;
import org.tea.model.Behaviour;

/** A solve stopped after any pass and resumed from its serialised state ends exactly where an unbroken one does. */
class ResumeTest {

    static byte[] serialise(Object o) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
            out.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SolverState deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (SolverState) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Crash extends RuntimeException {
    }

    /**
     * Checkpoints of a fresh solve: each state is kept, serialised, in {@code saved[0]}, and the solve crashes once
     * {@code stopAt} passes are done (never for a negative {@code stopAt}).
     */
    static EquilibriumSolver.Checkpoints crashingAfter(int stopAt, byte[][] saved) {
        return new EquilibriumSolver.Checkpoints() {
            @Override
            public SolverState load() {
                return null;
            }

            @Override
            public void save(SolverState state, boolean last) {
                saved[0] = serialise(state);
                if (state.passesDone() == stopAt) {
                    throw new Crash();
                }
            }
        };
    }

    /** Checkpoints that resume from {@code state} and save nothing. */
    static EquilibriumSolver.Checkpoints resumingFrom(SolverState state) {
        return new EquilibriumSolver.Checkpoints() {
            @Override
            public SolverState load() {
                return state;
            }

            @Override
            public void save(SolverState ignored, boolean last) {
            }
        };
    }

    @Test
    void resumingAfterACrashGivesTheUninterruptedResult() {
        Instances.Market m = Instances.random(21, 600, 40, 6, 100, 0.0);
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        EquilibriumResult whole;
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
            whole = new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
        int passes = whole.trace().size() - 1;
        assertTrue(passes > 6, "the instance must take several passes: " + passes);
        for (int stopAt : new int[] {1, passes / 2, passes - 1}) {
            byte[][] saved = new byte[1][];
            EquilibriumSolver.Checkpoints crashing = crashingAfter(stopAt, saved);
            try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
                assertThrows(Crash.class, () -> new EquilibriumSolver(s).solve(e, m.prices(), null, crashing));
            }
            EquilibriumSolver.Checkpoints resume = resumingFrom(deserialise(saved[0]));
            EquilibriumResult resumed;
            try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1, null)) {
                resumed = new EquilibriumSolver(s).solve(e, m.prices(), null, resume);
            }
            assertArrayEquals(whole.lambda(), resumed.lambda(), 0.0, "stopped after pass " + stopAt);
            assertArrayEquals(whole.sensitivity(), resumed.sensitivity(), 0.0);
            assertArrayEquals(whole.daily(), resumed.daily(), 0.0);
            assertEquals(whole.days(), resumed.days());
            assertEquals(whole.passes(), resumed.passes());
        }
    }

    /** A sink that takes every user's results and keeps none: its engine settles the end-users in a settle pass. */
    static final UserResultSink DISCARD = new UserResultSink() {
        @Override
        public void endUserDay(String userId, int game, double[] sums, double peak, double[] demand,
                double[] baselineDemand, double[] alpha, double[] dmin, double[] dmax, double beta, double emin,
                double emax) {
        }

        @Override
        public void prosumerHour(String prosumerId, int game, int hour, double[] figures) {
        }
    };

    /**
     * A state whose passes summed the end-users resumes with an engine that settles them, and the other way
     * round: the end-users' sums are those of an unbroken solve either way.
     */
    @Test
    void aResumeSettlesTheEndUsersWhetherOrNotThePassesSummedThem() {
        Instances.Market m = Instances.random(21, 600, 40, 6, 100, 0.0);
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        EquilibriumResult whole;
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
            assertTrue(e.sumsEndUsersInPasses());
            whole = new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
        for (UserResultSink before : new UserResultSink[] {null, DISCARD}) {
            byte[][] saved = new byte[1][];
            try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, before)) {
                assertThrows(Crash.class, () -> new EquilibriumSolver(s).solve(e, m.prices(), null,
                        crashingAfter(2, saved)));
            }
            assertEquals(before == null, deserialise(saved[0]).endUserSums != null);
            EquilibriumResult resumed;
            try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1,
                    before == null ? DISCARD : null)) {
                resumed = new EquilibriumSolver(s).solve(e, m.prices(), null, resumingFrom(deserialise(saved[0])));
            }
            assertArrayEquals(whole.daily(), resumed.daily(), 0.0);
            assertArrayEquals(whole.archetypeDaily(), resumed.archetypeDaily(), 0.0);
            assertArrayEquals(whole.baselineEnduserDemand(), resumed.baselineEnduserDemand(), 0.0);
            assertEquals(whole.days(), resumed.days());
            assertEquals(whole.passes(), resumed.passes());
        }
    }

    @Test
    void aStateMadeWithOtherSettingsIsRefused() {
        Instances.Market m = Instances.random(21, 60, 4, 2, 30, 0.0);
        byte[][] kept = new byte[1][];
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1, null)) {
            new EquilibriumSolver(SolverSettings.defaults(Behaviour.STRATEGIC)).solve(e, m.prices(), null,
                    crashingAfter(-1, kept));
        }
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1, null)) {
            assertThrows(IllegalArgumentException.class, () -> new EquilibriumSolver(
                    SolverSettings.defaults(Behaviour.COMPETITIVE)).solve(e, m.prices(), null,
                            resumingFrom(deserialise(kept[0]))));
        }
    }
}
