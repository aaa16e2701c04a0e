package org.tea.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The game numbering of a study window: games count from the window's first day, days are days of the year. */
class GameCalendarTest {

    @Test
    void aWindowNumbersGamesFromItsFirstDayAndKeepsTheDaysOfTheYear() {
        // scenarios 3 and 4, days 150..154 of 2025 (30 May .. 3 June)
        GameCalendar c = new GameCalendar(2025, 150, 5, 2, 3);
        assertEquals(10, c.games());
        assertEquals(154, c.lastDay());
        assertEquals(0, c.game(3, 150));
        assertEquals(4, c.game(3, 154));
        assertEquals(5, c.game(4, 150));
        assertEquals(9, c.game(4, 154));
        for (int g = 0; g < c.games(); g++) {
            assertEquals(150 + g % 5, c.day(g), "day of game " + g);
            assertEquals(g % 5, c.dayIndex(g), "day index of game " + g);
            assertEquals(3 + g / 5, c.scenario(g), "scenario of game " + g);
            assertEquals(g, c.game(c.scenario(g), c.day(g)));
        }
        assertEquals(5, c.month(c.game(3, 151)));   // 31 May
        assertEquals(6, c.month(c.game(4, 152)));   // 1 June
        assertEquals(149 * 24, c.hourOfYear(c.game(3, 150), 0));
        assertEquals(153 * 24 + 23, c.hourOfYear(c.game(4, 154), 23));
    }

    @Test
    void theLastDaysOfALeapYear() {
        GameCalendar c = new GameCalendar(2024, 360, 7, 1, 0);
        assertEquals(366, c.day(6));
        assertEquals(12, c.month(6));
        assertEquals(8784 - 1, c.hourOfYear(6, 23));
    }

    @Test
    void theOldConstructorsStartOnFirstJanuary() {
        assertEquals(new GameCalendar(2025, 1, 14, 2, 5), new GameCalendar(2025, 14, 2, 5));
        assertEquals(new GameCalendar(2025, 1, 14, 2, 0), new GameCalendar(2025, 14, 2));
        GameCalendar c = new GameCalendar(2025, 14, 2);
        assertEquals(1, c.day(0));
        assertEquals(14, c.day(13));
        assertEquals(1, c.day(14));
        assertEquals(15, c.game(1, 2));
        assertEquals(13 * 24 + 5, c.hourOfYear(13, 5));
    }
}
