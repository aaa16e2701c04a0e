package org.tea.io.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tea.io.InputFiles;
import org.tea.io.InputRules;
import org.tea.io.SeriesCsv;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.model.StudySeries;

/**
 * Writes a city as an inputs folder ({@link InputFiles}: endusers.csv, prosumers.csv, series.csv), the files behind
 * the {@code generate} command. Numbers are written with {@link Double#toString}, the shortest text that parses back
 * to the same value, so loading the folder gives back exactly the city that was written.
 */
public final class CityWriter {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CityWriter() {
    }

    /**
     * Writes the synthetic city {@code p} with the series of scenario {@code scenario} into {@code dir} (created if
     * needed). End-users and prosumers are generated one at a time while writing, so a large city never sits in
     * memory.
     */
    public static void write(Path dir, CityParameters p, int scenario) throws IOException {
        Files.createDirectories(dir);
        writeEndUsers(dir.resolve(InputFiles.ENDUSERS),
                () -> java.util.stream.LongStream.range(0, p.endUsers()).mapToObj(i -> SyntheticCity.endUser(p, i))
                        .iterator());
        writeProsumers(dir.resolve(InputFiles.PROSUMERS),
                () -> java.util.stream.LongStream.range(0, p.prosumers()).mapToObj(i -> SyntheticCity.prosumer(p, i))
                        .iterator());
        SeriesCsv.write(dir.resolve(InputFiles.SERIES), SyntheticCity.series(p, scenario));
    }

    /** Writes any city into {@code dir} (created if needed). */
    public static void write(Path dir, Iterable<EndUserSpec> endUsers, Iterable<ProsumerSpec> prosumers,
            StudySeries series) throws IOException {
        Files.createDirectories(dir);
        writeEndUsers(dir.resolve(InputFiles.ENDUSERS), endUsers);
        writeProsumers(dir.resolve(InputFiles.PROSUMERS), prosumers);
        SeriesCsv.write(dir.resolve(InputFiles.SERIES), series);
    }

    /** Writes an endusers.csv. */
    public static void writeEndUsers(Path file, Iterable<EndUserSpec> users) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, FORMAT)) {
            out.printRecord(InputRules.ENDUSER_COLUMNS);
            for (EndUserSpec u : users) {
                out.printRecord(u.id(), u.archetype(), Double.toString(u.annualEnergy()),
                        Double.toString(u.elasticity()), Double.toString(u.flexShare()),
                        Double.toString(u.energyFlex()));
            }
        }
    }

    /** Writes a prosumers.csv. */
    public static void writeProsumers(Path file, Iterable<ProsumerSpec> prosumers) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, FORMAT)) {
            out.printRecord(InputRules.PROSUMER_COLUMNS);
            for (ProsumerSpec p : prosumers) {
                out.printRecord(p.id(), Double.toString(p.pvKwp()), Double.toString(p.windKw()), p.archetype(),
                        Double.toString(p.annualEnergy()));
            }
        }
    }
}
