package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.model.StudySeries;

class SyntheticCityTest {
    private static final CityParameters CITY = CityParameters.defaults();

    @Test
    void sameParametersGiveTheSameCity() {
        StudySeries a = SyntheticCity.series(CITY, 0);
        StudySeries b = SyntheticCity.series(CITY, 0);
        assertArrayEquals(a.wholesale(), b.wholesale());
        assertArrayEquals(a.pvCapacityFactor(), b.pvCapacityFactor());
        assertArrayEquals(a.windCapacityFactor(), b.windCapacityFactor());
        assertEquals(SyntheticCity.endUsers(CITY), SyntheticCity.endUsers(CITY));
        assertEquals(SyntheticCity.prosumers(CITY), SyntheticCity.prosumers(CITY));
    }

    @Test
    void aScenarioRedrawsTheWeatherOnly() {
        StudySeries s0 = SyntheticCity.series(CITY, 0);
        StudySeries s1 = SyntheticCity.series(CITY, 1);
        assertFalse(Arrays.equals(s0.pvCapacityFactor(), s1.pvCapacityFactor()));
        assertFalse(Arrays.equals(s0.windCapacityFactor(), s1.windCapacityFactor()));
        assertArrayEquals(s0.wholesale(), s1.wholesale());
        assertEquals(s0.archetypes().keySet(), s1.archetypes().keySet());
        for (String a : s0.archetypes().keySet()) {
            assertArrayEquals(s0.archetypes().get(a), s1.archetypes().get(a));
        }
        // the sun is the sun: night is dark in every scenario
        for (int d = 0; d < 366; d++) {
            assertEquals(0.0, s1.pvCapacityFactor()[d * 24 + 2]);
        }
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        CityParameters other = CITY.withSeed(2);
        assertFalse(Arrays.equals(SyntheticCity.series(CITY, 0).wholesale(),
                SyntheticCity.series(other, 0).wholesale()));
        assertFalse(SyntheticCity.endUser(CITY, 0).equals(SyntheticCity.endUser(other, 0)));
    }

    @Test
    void anEndUserDoesNotDependOnTheOrderOfCalls() {
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        EndUserSpec[] shuffled = new EndUserSpec[200];
        for (long i : order) {
            shuffled[(int) i] = SyntheticCity.endUser(CITY, i);
        }
        List<EndUserSpec> inOrder = SyntheticCity.endUsers(CITY.withCounts(200, 0));
        assertEquals(inOrder, Arrays.asList(shuffled));
        // and not on the population size: user 42 of a bigger city is the same user
        assertEquals(SyntheticCity.endUser(CITY.withCounts(50, 1), 42), SyntheticCity.endUser(CITY, 42));
    }

    @Test
    void idsAreZeroPadded() {
        assertEquals("U0000042", SyntheticCity.endUser(CITY, 42).id());
        assertEquals("P000042", SyntheticCity.prosumer(CITY, 42).id());
        assertEquals("U12345678", SyntheticCity.endUserId(12_345_678));
    }

    @Test
    void endUsersFollowTheParameters() {
        CityParameters p = CITY.withCounts(5000, 0);
        SummaryStatistics residential = new SummaryStatistics();
        SummaryStatistics commercial = new SummaryStatistics();
        SummaryStatistics elasticity = new SummaryStatistics();
        for (EndUserSpec u : SyntheticCity.endUsers(p)) {
            (u.archetype().equals("commercial") ? commercial : residential).addValue(u.annualEnergy());
            elasticity.addValue(u.elasticity());
            assertTrue(u.elasticity() < 0);
            assertEquals(p.flexShare(), u.flexShare());
            assertEquals(p.energyFlex(), u.energyFlex());
        }
        assertEquals(0.1, commercial.getN() / 5000.0, 0.015, "commercial share");
        assertEquals(4000, residential.getMean(), 0.04 * 4000);
        assertEquals(5 * 4000, commercial.getMean(), 0.12 * 5 * 4000);
        assertEquals(0.3, residential.getStandardDeviation() / residential.getMean(), 0.03, "energy spread");
        assertEquals(-0.2, elasticity.getMean(), 0.01);
        assertTrue(elasticity.getMax() < 0);
    }

    @Test
    void prosumersFollowTheParameters() {
        CityParameters p = CITY.withCounts(1, 4000);
        SummaryStatistics pv = new SummaryStatistics();
        int wind = 0;
        for (ProsumerSpec s : SyntheticCity.prosumers(p)) {
            pv.addValue(s.pvKwp());
            assertEquals("residential", s.archetype());
            if (s.windKw() > 0) {
                wind++;
                assertEquals(p.windKw(), s.windKw());
            }
        }
        assertEquals(5.0, pv.getMean(), 0.15);
        assertEquals(0.05, wind / 4000.0, 0.012);
    }

    @Test
    void indicesOutsideThePopulationAreRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> SyntheticCity.endUser(CITY, CITY.endUsers()));
        assertThrows(IndexOutOfBoundsException.class, () -> SyntheticCity.prosumer(CITY, -1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticCity.series(CITY, -1));
    }

    @Test
    void parametersAreValidated() {
        CityParameters d = CITY;
        assertThrows(IllegalArgumentException.class, () -> new CityParameters(d.year(), d.latitude(), d.seed(),
                d.endUsers(), d.endUserAnnualEnergy(), d.endUserAnnualEnergySpread(), d.commercialShare(), 0.1,
                d.elasticitySpread(), d.flexShare(), d.energyFlex(), d.prosumers(), d.pvKwp(), d.pvSpread(),
                d.windShare(), d.windKw(), d.prosumerAnnualEnergy(), d.wholesaleMean()), "elasticity >= 0");
        assertThrows(IllegalArgumentException.class, () -> new CityParameters(d.year(), d.latitude(), d.seed(),
                d.endUsers(), d.endUserAnnualEnergy(), d.endUserAnnualEnergySpread(), 1.5, d.elasticity(),
                d.elasticitySpread(), d.flexShare(), d.energyFlex(), d.prosumers(), d.pvKwp(), d.pvSpread(),
                d.windShare(), d.windKw(), d.prosumerAnnualEnergy(), d.wholesaleMean()), "share > 1");
        assertThrows(IllegalArgumentException.class, () -> new CityParameters(d.year(), d.latitude(), d.seed(),
                d.endUsers(), d.endUserAnnualEnergy(), d.endUserAnnualEnergySpread(), d.commercialShare(),
                d.elasticity(), d.elasticitySpread(), d.flexShare(), 1.0, d.prosumers(), d.pvKwp(), d.pvSpread(),
                d.windShare(), d.windKw(), d.prosumerAnnualEnergy(), d.wholesaleMean()), "energyFlex = 1");
        assertThrows(IllegalArgumentException.class, () -> d.withCounts(0, 10), "no end-users");
        assertThrows(IllegalArgumentException.class, () -> new CityParameters(d.year(), 95, d.seed(),
                d.endUsers(), d.endUserAnnualEnergy(), d.endUserAnnualEnergySpread(), d.commercialShare(),
                d.elasticity(), d.elasticitySpread(), d.flexShare(), d.energyFlex(), d.prosumers(), d.pvKwp(),
                d.pvSpread(), d.windShare(), d.windKw(), d.prosumerAnnualEnergy(), Double.NaN), "latitude");
    }

    @Test
    void aNonLeapYearHas8760Hours() {
        CityParameters p = new CityParameters(2015, 44, 1, 10, 4000, 0.3, 0.1, -0.2, 0.25, 0.2, 0, 5, 5, 0.3, 0.2, 3,
                4500, 0.04);
        StudySeries s = SyntheticCity.series(p, 0);
        assertEquals(8760, s.wholesale().length);
        assertEquals(365, s.days());
    }
}
