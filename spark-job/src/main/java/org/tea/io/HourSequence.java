package org.tea.io;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Checks that the rows of an hourly file cover a year once each, in time order: a repeated hour, an hour before
 * one already seen, missing hours and a wrong row count are errors. Missing hours are reported at the end as
 * ranges (an hour out of place is not "missing"), so one lost row gives one line, not thousands.
 */
public final class HourSequence {
    private final String file;
    private final IntFunction<String> describe;
    private final long[] rowOf;
    private int latest = -1;
    private int rows;

    /**
     * @param file the file's name in messages
     * @param hours hours of the year
     * @param describe how an hour of year is written in messages, e.g. "day 3 hour 5"
     */
    public HourSequence(String file, int hours, IntFunction<String> describe) {
        this.file = file;
        this.describe = describe;
        this.rowOf = new long[hours];
    }

    /** Counts a data row whose time could not be read (it still counts towards the rows of the year). */
    public void count() {
        rows++;
    }

    /** Row {@code row} holds hour of year {@code index}; true if its values should be kept (first occurrence). */
    public boolean accept(long row, int index, List<String> errors) {
        rows++;
        if (rowOf[index] != 0) {
            errors.add(file + ":row " + row + ": " + describe.apply(index) + " again: row " + rowOf[index]
                    + " has it already");
            return false;
        }
        rowOf[index] = row;
        if (index < latest) {
            errors.add(file + ":row " + row + ": " + describe.apply(index) + " comes after " + describe.apply(latest)
                    + ": expected rows in time order");
        }
        latest = Math.max(latest, index);
        return true;
    }

    /** Reports missing hours and a wrong row count; call after the last row. */
    public void finish(int year, List<String> errors) {
        int hours = rowOf.length;
        if (rows != hours) {
            errors.add(file + ": " + rows + " hourly rows, expected " + hours + " for " + year + " ("
                    + hours / 24 + " days x 24 hours)");
        }
        for (int i = 0; i < hours; i++) {
            if (rowOf[i] != 0) {
                continue;
            }
            int j = i;
            while (j + 1 < hours && rowOf[j + 1] == 0) {
                j++;
            }
            String after = i == 0 ? "at the start" : "after row " + rowOf[i - 1];
            errors.add(file + ": " + (i == j ? describe.apply(i) + " is missing"
                    : describe.apply(i) + " to " + describe.apply(j) + " are missing (" + (j - i + 1) + " hours)")
                    + " (" + after + ")");
            i = j;
        }
    }
}
