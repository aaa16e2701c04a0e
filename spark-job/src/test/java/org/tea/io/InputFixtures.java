package org.tea.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** A small valid inputs folder for 2015 (8,760 hours), written line by line so tests can break it on purpose. */
final class InputFixtures {
    static final int YEAR = 2015;
    static final int HOURS = 8760;

    private InputFixtures() {
    }

    static List<String> endUsers() {
        return new ArrayList<>(List.of(
                "id,archetype,annual_energy,elasticity,flex_share,energy_flex",
                "U1,residential,4000,-0.2,0.2,0",
                "U2,commercial,20000,-0.1,0.1,0.05",
                "U3,residential,3500.5,-0.35,0,0"));
    }

    static List<String> prosumers() {
        return new ArrayList<>(List.of(
                "id,pv_kwp,wind_kw,archetype,annual_energy",
                "P1,5,0,residential,4500",
                "P2,3.5,2,residential,4000"));
    }

    /** Rows: header at index 0, then day-major hours; residential has evening peaks, commercial office hours. */
    static List<String> series() {
        List<String> lines = new ArrayList<>(HOURS + 1);
        lines.add("day,hour,wholesale_price,pv_cf,wind_cf,load_residential,load_commercial");
        for (int i = 0; i < HOURS; i++) {
            int day = i / 24 + 1;
            int hour = i % 24;
            double pv = hour >= 6 && hour <= 18 ? Math.sin(Math.PI * (hour - 6) / 12.0) * 0.8 : 0;
            double price = hour == 12 ? -0.005 : 0.04 + 0.01 * Math.cos(2 * Math.PI * hour / 24);
            double residential = hour >= 17 && hour <= 21 ? 2 : 1;
            double commercial = hour >= 8 && hour <= 17 ? 3 : 1;
            lines.add(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s", day, hour, price, pv, 0.3, residential,
                    commercial));
        }
        return lines;
    }

    /** Writes the three valid files into {@code dir}. */
    static Path valid(Path dir) {
        write(dir.resolve("endusers.csv"), endUsers());
        write(dir.resolve("prosumers.csv"), prosumers());
        write(dir.resolve("series.csv"), series());
        return dir;
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one file of the folder. */
    static void edit(Path file, UnaryOperator<List<String>> change) {
        try {
            write(file, change.apply(new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data line of series.csv for (day, hour), as a spreadsheet row number minus one. */
    static int seriesLine(int day, int hour) {
        return (day - 1) * 24 + hour + 1;
    }
}
