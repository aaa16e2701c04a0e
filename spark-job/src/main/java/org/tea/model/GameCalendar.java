package org.tea.model;

import java.time.LocalDate;

/**
 * Numbers the games of a study: game {@code g = scenario * days + (day - 1)} for scenarios {@code 0..S-1} and
 * days {@code 1..D} of the study year (MODEL sections 2 and 11). Every engine and writer uses this one mapping.
 */
public record GameCalendar(int year, int days, int scenarios) implements java.io.Serializable {

    public GameCalendar {
        int max = StudySeries.hoursInYear(year) / Hours.T;
        if (days < 1 || days > max) {
            throw new IllegalArgumentException("calendar: days = " + days + ", expected 1.." + max + " in " + year);
        }
        if (scenarios < 1) {
            throw new IllegalArgumentException("calendar: scenarios = " + scenarios + ", expected >= 1");
        }
    }

    public int games() {
        return days * scenarios;
    }

    public int game(int scenario, int day) {
        return scenario * days + (day - 1);
    }

    public int scenario(int game) {
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
