package org.tea.model;

import java.time.LocalDate;

/**
 * Numbers the games of a study: game {@code g = (scenario - first) * days + (day - 1)} for scenarios
 * {@code first .. first + S - 1} and
 * days {@code 1..D} of the study year (MODEL sections 2 and 11). Every engine and writer uses this one mapping.
 */
public record GameCalendar(int year, int days, int scenarios, int firstScenario) implements java.io.Serializable {

    public GameCalendar {
        int max = StudySeries.hoursInYear(year) / Hours.T;
        if (days < 1 || days > max) {
            throw new IllegalArgumentException("calendar: days = " + days + ", expected 1.." + max + " in " + year);
        }
        if (scenarios < 1) {
            throw new IllegalArgumentException("calendar: scenarios = " + scenarios + ", expected >= 1");
        }
        if (firstScenario < 0) {
            throw new IllegalArgumentException("calendar: firstScenario = " + firstScenario + ", expected >= 0");
        }
    }

    /** Scenarios 0 .. scenarios - 1. */
    public GameCalendar(int year, int days, int scenarios) {
        this(year, days, scenarios, 0);
    }

    public int games() {
        return days * scenarios;
    }

    /** The game of a scenario (its number, from {@code firstScenario}) and day. */
    public int game(int scenario, int day) {
        return (scenario - firstScenario) * days + (day - 1);
    }

    /**
     * The number of a game's scenario: what seeds its weather and what the outputs call it, so scenario k is the
     * same whether it runs alone ({@code firstScenario = k}) or among others.
     */
    public int scenario(int game) {
        return firstScenario + game / days;
    }

    /** Position of a game's scenario in this study, 0 .. scenarios - 1, for per-scenario arrays. */
    public int scenarioIndex(int game) {
        return game / days;
    }

    /** Day of year, 1-based. */
    public int day(int game) {
        return game % days + 1;
    }

    /** Month 1..12 of a game's day. */
    public int month(int game) {
        return LocalDate.ofYearDay(year, day(game)).getMonthValue();
    }

    /** Hour of year of hour t of a game's day, the index into {@link StudySeries} arrays. */
    public int hourOfYear(int game, int t) {
        return (day(game) - 1) * Hours.T + t;
    }
}
