package org.tea.model;

import java.time.LocalDate;

/**
 * Numbers the games of a study: game {@code g = (scenario - firstScenario) * days + (day - firstDay)} for
 * scenarios {@code firstScenario .. firstScenario + S - 1} and the study window, days
 * {@code firstDay .. firstDay + days - 1} of the study year (MODEL sections 2 and 11). Every engine and writer uses
 * this one mapping. Days are always days of the year, so a window's outputs carry the same day numbers as a
 * longer study's; per-study arrays are indexed by {@link #dayIndex}.
 */
public record GameCalendar(int year, int firstDay, int days, int scenarios, int firstScenario)
        implements java.io.Serializable {

    public GameCalendar {
        int max = StudySeries.hoursInYear(year) / Hours.T;
        if (days < 1 || days > max) {
            throw new IllegalArgumentException("calendar: days = " + days + ", expected 1.." + max + " in " + year);
        }
        if (firstDay < 1 || firstDay + days - 1 > max) {
            throw new IllegalArgumentException("calendar: firstDay = " + firstDay + ", expected 1.." + (max - days + 1)
                    + " so that " + days + " days end within the " + max + " days of " + year);
        }
        if (scenarios < 1) {
            throw new IllegalArgumentException("calendar: scenarios = " + scenarios + ", expected >= 1");
        }
        if (firstScenario < 0) {
            throw new IllegalArgumentException("calendar: firstScenario = " + firstScenario + ", expected >= 0");
        }
    }

    /** Days 1 .. days of the year. */
    public GameCalendar(int year, int days, int scenarios, int firstScenario) {
        this(year, 1, days, scenarios, firstScenario);
    }

    /** Days 1 .. days of the year, scenarios 0 .. scenarios - 1. */
    public GameCalendar(int year, int days, int scenarios) {
        this(year, 1, days, scenarios, 0);
    }

    public int games() {
        return days * scenarios;
    }

    /** The game of a scenario (its number, from {@code firstScenario}) and day of the year (in the window). */
    public int game(int scenario, int day) {
        return (scenario - firstScenario) * days + (day - firstDay);
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

    /** Position of a game's day in the study window, 0 .. days - 1, for per-day arrays. */
    public int dayIndex(int game) {
        return game % days;
    }

    /** Day of the year, 1-based: what seeds its noise and what the outputs call it. */
    public int day(int game) {
        return firstDay + dayIndex(game);
    }

    /** The last day of the window, 1-based day of the year. */
    public int lastDay() {
        return firstDay + days - 1;
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
