package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tea.equilibrium.ClearingMethod;
import org.tea.model.Behaviour;

class StudyConfigTest {

    /** Tests run with working directory spark-job/. */
    private static final Path CONF = Path.of("..", "conf");

    @TempDir
    Path tmp;

    // --- defaults and shipped files ---------------------------------------------------------------------------

    @Test
    void storageIsNoneByDefaultAndItsKeysAreChecked() {
        StudyConfig.StorageGroup d = StudyConfig.defaults().storage();
        assertEquals(new StudyConfig.StorageGroup(0, 10, 5, 0.95, 0.95, 0.01, 0.5), d);
        StudyConfig c = StudyConfig.fromMap(Map.of("storage.count", "60", "storage.capacityKwh", "13.5",
                "storage.soc0", "0"));
        assertEquals(new StudyConfig.StorageGroup(60, 13.5, 5, 0.95, 0.95, 0.01, 0), c.storage());
        ConfigException e = assertThrows(ConfigException.class, () -> StudyConfig.fromMap(Map.of("storage.count",
                "-1", "storage.capacityKwh", "-2", "storage.powerKw", "-1", "storage.etaCharge", "0",
                "storage.etaDischarge", "1.1", "storage.throughputCost", "0", "storage.soc0", "1.5")));
        assertEquals(7, e.errors().size(), e.getMessage());
        for (String key : List.of("storage.count", "storage.capacityKwh", "storage.powerKw", "storage.etaCharge",
                "storage.etaDischarge", "storage.throughputCost", "storage.soc0")) {
            assertTrue(e.getMessage().contains(key), key + " named: " + e.getMessage());
        }
    }


    @Test
    void defaultsAreTheRegistryDefaults() {
        StudyConfig c = StudyConfig.defaults();
        assertEquals(365, c.study().days());
        assertEquals(1, c.study().firstDay());
        assertEquals(2025, c.study().year());
        assertEquals(20250101L, c.study().seed());
        assertEquals(7_500, c.endUsers().count());
        assertEquals(2_500, c.prosumers().count());
        assertEquals(4, c.prosumers().pvKwp());
        assertEquals(Behaviour.STRATEGIC, c.prosumers().behaviour());
        assertEquals(StudyConfig.TariffType.FLAT, c.market().tariffType());
        assertEquals(OptionalDouble.empty(), c.market().feedIn());
        assertEquals(ClearingMethod.NEWTON, c.solver().method());
        assertEquals(1e-7, c.solver().tolClear());
        assertFalse(c.output().enduserHourly());
        assertTrue(c.output().enduserDaily());
        assertTrue(c.output().prosumerHourly());
        assertEquals("local[*]", c.spark().master());
        assertTrue(c.inputs().generate());
        // defaults are spelled canonically, so the manifest of a default run repeats the registry
        Map<String, String> resolved = c.resolved();
        for (ConfigKey k : StudyConfig.keys()) {
            assertEquals(k.defaultValue(), resolved.get(k.name()), k.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default.properties", "quick.properties", "city.properties", "monte-carlo.properties",
        "ontario-2016.properties"})
    void everyShippedFileLoads(String name) {
        StudyConfig c = StudyConfig.load(CONF.resolve(name), Map.of());
        assertEquals(c, StudyConfig.fromMap(c.resolved()), "resolved() round-trips");
    }

    @Test
    void confFolderHoldsNoUntestedConfig() throws IOException {
        try (var files = Files.list(CONF)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties")).sorted().collect(Collectors.toList());
            assertEquals(List.of("city.properties", "default.properties", "monte-carlo.properties",
                    "ontario-2016.properties", "quick.properties"), names);
        }
    }

    @Test
    void monteCarloFileChangesOnlyScenariosAndCity() {
        StudyConfig c = StudyConfig.load(CONF.resolve("monte-carlo.properties"), Map.of());
        Map<String, String> d = new java.util.TreeMap<>(StudyConfig.load(CONF.resolve("default.properties"), Map.of()).resolved());
        Map<String, String> m = new java.util.TreeMap<>(c.resolved());
        // the Monte Carlo city keeps its own size and its 15% commercial end-users
        assertEquals(Map.of("study.scenarios", "50", "endusers.count", "2000", "endusers.commercialShare", "0.15",
                "prosumers.count", "40", "prosumers.pvKwp", "111.5"), changed(d, m));
    }

    @Test
    void ontarioFileChangesOnlyTheYearAndTheSeries() {
        StudyConfig c = StudyConfig.load(CONF.resolve("ontario-2016.properties"), Map.of());
        Map<String, String> d = new java.util.TreeMap<>(StudyConfig.defaults().resolved());
        Map<String, String> o = changed(d, c.resolved());
        String data = "../shared/data/ontario-2016/";
        Map<String, String> expected = new java.util.TreeMap<>(Map.of("study.year", "2016", "study.days", "366",
                "series.price.file", data + "price2016.csv", "series.price.column", "HOEP",
                "series.pv.file", data + "prod2016.csv", "series.pv.column", "SOLAR",
                "series.wind.file", data + "prod2016.csv", "series.wind.column", "WIND",
                "series.load.file", data + "load2016.csv", "series.load.column", "OntDemand"));
        assertEquals(expected, o);
    }

    static Map<String, String> changed(Map<String, String> base, Map<String, String> other) {
        Map<String, String> out = new java.util.TreeMap<>();
        other.forEach((k, v) -> {
            if (!v.equals(base.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void everyCaseStudyFileLoadsAndChangesOnlyWhatItsNameSays() throws IOException {
        Path dir = CONF.resolve("case-study");
        Map<String, String> reference = StudyConfig.load(dir.resolve("reference.properties"), Map.of()).resolved();
        assertEquals(StudyConfig.defaults().resolved(), reference, "the reference case is the default study");
        Map<String, List<String>> allowed = Map.of("market-power", List.of("prosumers.count", "prosumers.pvKwp",
                "prosumers.pvSpread", "prosumers.behaviour"), "pv", List.of("prosumers.pvKwp"), "elasticity",
                List.of("endusers.elasticity"), "flex", List.of("endusers.flexShare"), "energy-flex",
                List.of("endusers.energyFlex"), "tou", List.of("market.tariff.type"), "low-pv", List.of("endusers.count",
                "endusers.commercialShare", "prosumers.count", "prosumers.pvKwp"), "reference", List.of(), "storage", List.of("storage.count"));
        int files = 0;
        try (var list = Files.list(dir)) {
            for (Path f : (Iterable<Path>) list.filter(x -> x.toString().endsWith(".properties")).sorted()::iterator) {
                String name = f.getFileName().toString();
                // the longest family name that prefixes the file's: "energy-flex" before "flex"
                String family = allowed.keySet().stream().filter(name::startsWith)
                        .max(java.util.Comparator.comparingInt(String::length))
                        .orElseThrow(() -> new AssertionError(name + " belongs to no sweep"));
                Map<String, String> c = StudyConfig.load(f, Map.of()).resolved();
                for (String key : c.keySet()) {
                    if (!c.get(key).equals(reference.get(key))) {
                        assertTrue(allowed.get(family).contains(key), name + " changes " + key);
                    }
                }
                files++;
            }
        }
        assertEquals(22, files);
    }

    @Test
    void automaticPartitionsAreTwiceTheCoresAndBoundEndUsersPerPartition() {
        StudyConfig.SparkGroup auto = new StudyConfig.SparkGroup("local[*]", 0);
        assertEquals(4, auto.partitionsFor(2, 10_000));     // the default study: 2,500 end-users each
        assertEquals(2, auto.partitionsFor(0, 1));
        assertEquals(25, auto.partitionsFor(2, 100_000));   // 4,000 each, not 25,000
        assertEquals(25, auto.partitionsFor(2, 25 * 4_096));
        assertEquals(26, auto.partitionsFor(2, 25 * 4_096 + 1));
        assertEquals(400, auto.partitionsFor(200, 1_000_000));
        assertEquals(245, auto.partitionsFor(8, 1_000_000));
        assertEquals(7, new StudyConfig.SparkGroup("local[*]", 7).partitionsFor(2, 1_000_000));
    }

    @Test
    void defaultFileSpellsOutEveryKeyAtItsDefault() throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(CONF.resolve("default.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (ConfigKey k : StudyConfig.keys()) {
            assertTrue(p.containsKey(k.name()), "default.properties lacks " + k.name());
        }
        assertEquals(StudyConfig.defaults(), StudyConfig.load(CONF.resolve("default.properties"), Map.of()));
    }

    @Test
    void quickAndCityChangeOnlyTheirKeys() {
        StudyConfig quick = StudyConfig.load(CONF.resolve("quick.properties"), Map.of());
        assertEquals(14, quick.study().days());
        assertEquals(300, quick.endUsers().count());
        assertEquals(20, quick.prosumers().count());
        assertEquals(StudyConfig.defaults().market(), quick.market());

        StudyConfig city = StudyConfig.load(CONF.resolve("city.properties"), Map.of());
        assertEquals(1_000_000, city.endUsers().count());
        assertEquals(20_000, city.prosumers().count());
        assertEquals(400, city.spark().partitions());
        assertEquals(5_000_000L, city.output().monthPartitionRows());
        assertEquals(365, city.study().days());
    }

    // --- include and --set -----------------------------------------------------------------------------------

    @Test
    void setOverridesTheFile() {
        StudyConfig c = StudyConfig.load(CONF.resolve("quick.properties"),
                Map.of("study.days", "3", "prosumers.behaviour", "competitive"));
        assertEquals(3, c.study().days());
        assertEquals(Behaviour.COMPETITIVE, c.prosumers().behaviour());
        assertEquals(300, c.endUsers().count());
    }

    @Test
    void setErrorsNameSet() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(CONF.resolve("quick.properties"), Map.of("study.days", "0")));
        assertEquals(List.of("--set: study.days = 0: expected an integer in [1, 366]"), e.errors());
    }

    @Test
    void loadWithoutFileIsDefaultsPlusOverrides() {
        assertEquals(StudyConfig.defaults().with(Map.of("endusers.count", "7")),
                StudyConfig.load(null, Map.of("endusers.count", "7")));
    }

    @Test
    void includeChainLetsTheIncludingFileWin() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("base"));
        write(sub.resolve("c.properties"), "study.days = 10", "endusers.count = 10", "prosumers.count = 10");
        write(sub.resolve("b.properties"), "include = c.properties", "study.days = 20", "endusers.count = 20");
        write(tmp.resolve("a.properties"), "include = base/b.properties", "study.days = 30");
        StudyConfig c = StudyConfig.load(tmp.resolve("a.properties"), Map.of());
        assertEquals(30, c.study().days());
        assertEquals(20, c.endUsers().count());
        assertEquals(10, c.prosumers().count());
    }

    @Test
    void errorsInAnIncludedFileNameThatFile() throws IOException {
        write(tmp.resolve("base.properties"), "study.days = many");
        write(tmp.resolve("top.properties"), "include = base.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(tmp.resolve("top.properties"), Map.of()));
        assertEquals(List.of(tmp.resolve("base.properties") + ": study.days = many: expected an integer in [1, 366]"),
                e.errors());
    }

    @Test
    void includeCycleIsAnError() throws IOException {
        write(tmp.resolve("a.properties"), "include = b.properties");
        write(tmp.resolve("b.properties"), "include = a.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(tmp.resolve("a.properties"), Map.of()));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).startsWith(tmp.resolve("b.properties") + ": include = a.properties: include cycle"),
                e.getMessage());
    }

    @Test
    void missingIncludeIsAnError() throws IOException {
        write(tmp.resolve("a.properties"), "include = nowhere.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(tmp.resolve("a.properties"), Map.of()));
        assertTrue(e.errors().get(0).contains("nowhere.properties not found"), e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(tmp.resolve("absent.properties"), Map.of()));
        assertEquals(List.of(tmp.resolve("absent.properties") + ": file not found"), e.errors());
    }

    @Test
    void includeIsNotAnOverride() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(null, Map.of("include", "default.properties")));
        assertTrue(e.errors().get(0).startsWith("--set: include = default.properties:"), e.getMessage());
    }

    // --- unknown keys ----------------------------------------------------------------------------------------

    @Test
    void unknownKeySuggestsTheClosestKey() {
        List<String> errors = errors(Map.of("endusers.cont", "5"));
        assertEquals(List.of("--set: endusers.cont = 5: unknown key (did you mean endusers.count?)"), errors);
    }

    @Test
    void unknownKeyInWrongCaseSuggestsTheKey() {
        assertTrue(errors(Map.of("Study.Days", "5")).get(0).endsWith("(did you mean study.days?)"));
    }

    @Test
    void farUnknownKeyHasNoSuggestion() {
        assertEquals(List.of("--set: weather.cloudiness = 3: unknown key"), errors(Map.of("weather.cloudiness", "3")));
    }

    // --- bad values, one per type ----------------------------------------------------------------------------

    @Test
    void exactErrorFormatStartsWithTheFile() throws IOException {
        Path f = write(tmp.resolve("x.properties"), "study.days = 400");
        ConfigException e = assertThrows(ConfigException.class, () -> StudyConfig.load(f, Map.of()));
        assertEquals(List.of(f + ": study.days = 400: expected an integer in [1, 366]"), e.errors());
    }

    @Test
    void intRejectsAFraction() {
        assertSingleError("endusers.count", "1.5", "expected an integer in [1, 1e8]");
    }

    @Test
    void intRejectsAnExponent() {
        assertSingleError("endusers.count", "1e6", "expected an integer in [1, 1e8]");
    }

    @Test
    void intRejectsOutOfRange() {
        assertSingleError("prosumers.count", "-1", "expected an integer in [0, 1e7]");
    }

    @Test
    void intRejectsOverflow() {
        assertSingleError("solver.maxOuter", "99999999999999999999", "expected an integer in [1, 100000]");
    }

    @Test
    void intRejectsEmpty() {
        assertSingleError("study.year", "", "expected an integer in [1900, 2100]");
    }

    @Test
    void longAcceptsBeyondIntAndRejectsText() {
        assertEquals(-9_000_000_000L, StudyConfig.fromMap(Map.of("study.seed", "-9000000000")).study().seed());
        assertSingleError("study.seed", "abc", "expected a 64-bit integer");
    }

    @Test
    void longRejectsOutOfRange() {
        assertSingleError("output.monthPartitionRows", "0", "expected an integer in [1, 1e12]");
    }

    @Test
    void doubleRejectsNaN() {
        assertSingleError("study.latitude", "NaN", "expected a number in [-66, 66]");
    }

    @Test
    void doubleRejectsInfinity() {
        assertSingleError("solver.theta", "Infinity", "expected a number in (0, 1]");
    }

    @Test
    void doubleRejectsOverflowToInfinity() {
        assertSingleError("market.feeImport", "1e400", "expected a number in [0, 10]");
    }

    @Test
    void doubleRejectsJavaSuffixes() {
        assertSingleError("market.feeExport", "0.1d", "expected a number in [0, 10]");
    }

    @Test
    void doubleRejectsTheOpenEnd() {
        assertSingleError("endusers.annualEnergy", "0", "expected a number in (0, 1e7]");
    }

    @Test
    void doubleRejectsOutOfRange() {
        assertSingleError("endusers.elasticity", "0.2", "expected a number in [-5, -0.001]");
    }

    @Test
    void doubleAcceptsExponentAndSign() {
        StudyConfig c = StudyConfig.fromMap(Map.of("solver.tolClear", "5E-9", "study.latitude", "-33.9"));
        assertEquals(5e-9, c.solver().tolClear());
        assertEquals(-33.9, c.study().latitude());
    }

    @Test
    void enumListsTheAllowedValues() {
        assertSingleError("prosumers.behaviour", "greedy", "expected one of strategic, competitive");
    }

    @Test
    void enumIsSpelledExactly() {
        assertSingleError("solver.method", "Newton", "expected one of newton, tatonnement");
    }

    @Test
    void booleanAcceptsOnlyTrueOrFalse() {
        assertSingleError("output.enduserHourly", "yes", "expected true or false");
        assertSingleError("output.enduserHourly", "1", "expected true or false");
        assertTrue(StudyConfig.fromMap(Map.of("output.enduserHourly", "true")).output().enduserHourly());
        assertSingleError("output.enduserDaily", "no", "expected true or false");
        assertSingleError("output.prosumerHourly", "0", "expected true or false");
        StudyConfig.OutputGroup off = StudyConfig.fromMap(Map.of("output.enduserDaily", "false",
                "output.prosumerHourly", "false")).output();
        assertFalse(off.enduserDaily());
        assertFalse(off.prosumerHourly());
        assertFalse(off.enduserHourly());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19-7", "7-25", "7", "a-b", "7-7", "-1-5"})
    void peakHoursMustBeAnIncreasingHourRange(String value) {
        assertSingleError("market.tariff.peakHours", value, "expected start-end hours with 0 <= start < end <= 24");
    }

    @Test
    void touTariffFollowsThePeakHours() {
        StudyConfig.MarketGroup m = StudyConfig.fromMap(Map.of("market.tariff.type", "tou",
                "market.tariff.peakHours", "17-21")).market();
        assertEquals(0.09, m.tariff(16));
        assertEquals(0.18, m.tariff(17));
        assertEquals(0.18, m.tariff(20));
        assertEquals(0.09, m.tariff(21));
        assertEquals(0.13, StudyConfig.defaults().market().tariff(18));
    }

    @Test
    void feedInIsExportOrANonNegativePrice() {
        assertSingleError("market.feedIn", "-0.01", "expected export or a number in [0, 10]");
        assertSingleError("market.feedIn", "exported", "expected export or a number in [0, 10]");
        StudyConfig.MarketGroup m = StudyConfig.fromMap(Map.of("market.feedIn", "0.06")).market();
        assertEquals(OptionalDouble.of(0.06), m.feedIn());
        assertEquals(0.06, m.feedInPrice(0.03));
        assertEquals(0.03, StudyConfig.defaults().market().feedInPrice(0.03));
    }

    @Test
    void stringKeysAcceptAnyText() {
        StudyConfig c = StudyConfig.fromMap(Map.of("inputs.dir", "data/city", "spark.master", "spark://h:7077"));
        assertEquals("data/city", c.inputs().dir());
        assertFalse(c.inputs().generate());
        assertEquals("spark://h:7077", c.spark().master());
    }

    // --- several errors, cross-key checks --------------------------------------------------------------------

    @Test
    void allErrorsAreReportedTogether() throws IOException {
        Path f = write(tmp.resolve("bad.properties"), "study.days = 1.5", "endusers.flexShare = NaN",
                "prosumers.behaviour = nice", "output.enduserHourly = yes", "prosumers.count = 9");
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.load(f, Map.of("solver.thetta", "0.5", "solver.maxInner", "0")));
        List<String> errors = e.errors();
        assertEquals(6, errors.size(), e.getMessage());
        for (String key : List.of("study.days", "endusers.flexShare", "prosumers.behaviour",
                "output.enduserHourly", "solver.thetta", "solver.maxInner")) {
            assertEquals(1, errors.stream().filter(line -> line.contains(key + " = ")).count(), key);
        }
        assertTrue(errors.stream().allMatch(line -> line.startsWith(f + ": ") || line.startsWith("--set: ")));
        assertTrue(errors.stream().noneMatch(line -> line.contains("\n")));
        assertTrue(e.getMessage().startsWith("6 configuration errors:"));
    }

    @Test
    void daysMustFitTheYear() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.fromMap(Map.of("study.days", "366", "study.year", "2025")));
        assertEquals(List.of("config: study.days = 366: expected at most 365 because study.year = 2025 has 365 days"),
                e.errors());
        assertEquals(366, StudyConfig.fromMap(Map.of("study.days", "366", "study.year", "2024")).study().days());
    }

    @Test
    void daysCheckedAgainstTheDefaultYear() {
        assertEquals(1, errors(Map.of("study.days", "366")).size());
    }

    @Test
    void firstDayIsParsedAndDefaultsToOne() {
        StudyConfig c = StudyConfig.load(CONF.resolve("quick.properties"), Map.of("study.firstDay", "150"));
        assertEquals(150, c.study().firstDay());
        assertEquals(14, c.study().days());
        assertEquals("150", c.resolved().get("study.firstDay"));
        assertEquals(1, StudyConfig.load(CONF.resolve("quick.properties"), Map.of()).study().firstDay());
        assertEquals("1", StudyConfig.defaults().resolved().get("study.firstDay"));
    }

    @Test
    void firstDayRejectsOutOfRange() {
        assertSingleError("study.firstDay", "0", "expected an integer in [1, 366]");
        assertSingleError("study.firstDay", "367", "expected an integer in [1, 366]");
        assertSingleError("study.firstDay", "1.5", "expected an integer in [1, 366]");
    }

    @Test
    void theWindowMustEndWithinTheYear() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StudyConfig.fromMap(Map.of("study.firstDay", "360", "study.days", "10", "study.year", "2025")));
        assertEquals(List.of("config: study.firstDay = 360: expected at most 356 so that the study.days = 10 days from "
                + "it end within the 365 days of study.year = 2025"), e.errors());
        // the last day may be 31 December, 366 days into a leap year
        assertEquals(356, StudyConfig.fromMap(Map.of("study.firstDay", "356", "study.days", "10")).study().firstDay());
        assertEquals(357, StudyConfig.fromMap(Map.of("study.firstDay", "357", "study.days", "10", "study.year", "2024"))
                .study().firstDay());
        assertEquals(366, StudyConfig.fromMap(Map.of("study.firstDay", "366", "study.days", "1", "study.year", "2024"))
                .study().firstDay());
        assertEquals(List.of("--set: study.firstDay = 366: expected at most 365 so that the study.days = 1 days from "
                + "it end within the 365 days of study.year = 2025"),
                errors(Map.of("study.firstDay", "366", "study.days", "1")));
    }

    @Test
    void theWindowIsCheckedAgainstTheFileThatSetTheDays() throws IOException {
        // quick.properties sets 14 days; --set moves the window past 31 December
        List<String> e = assertThrows(ConfigException.class, () -> StudyConfig.load(CONF.resolve("quick.properties"),
                Map.of("study.firstDay", "360"))).errors();
        assertEquals(List.of("--set: study.firstDay = 360: expected at most 352 so that the study.days = 14 days from "
                + "it end within the 365 days of study.year = 2025"), e);
        // too many days for the year is one error, on study.days, wherever the window starts
        List<String> both = errors(Map.of("study.days", "366", "study.firstDay", "300"));
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("--set: study.days = 366: "), both.get(0));
    }

    // --- registry, manifest, README --------------------------------------------------------------------------

    @Test
    void resolvedListsEveryKeyAndRoundTrips() {
        StudyConfig c = StudyConfig.defaults().with(Map.of("market.feedIn", "0.05", "market.tariff.type", "tou",
                "study.seed", "-3", "endusers.annualEnergy", "1e7", "inputs.dir", "x"));
        assertEquals(StudyConfig.keys().stream().map(ConfigKey::name).sorted().collect(Collectors.toList()),
                List.copyOf(c.resolved().keySet()));
        assertEquals("1e7", c.resolved().get("endusers.annualEnergy"));
        assertEquals(c, StudyConfig.fromMap(c.resolved()));
        Properties p = c.toProperties();
        assertEquals(c.resolved().size(), p.size());
        assertEquals("0.05", p.getProperty("market.feedIn"));
    }

    /**
     * Keys whose other values need other keys changed too: study.firstDay = 366 needs a one-day leap year, a series
     * file its column and a column its file.
     */
    private static final Map<String, Map<String, String>> COMPANIONS = companions();

    private static Map<String, Map<String, String>> companions() {
        Map<String, Map<String, String>> m = new java.util.HashMap<>();
        m.put("study.firstDay", Map.of("study.days", "1", "study.year", "2024"));
        for (String s : List.of("price", "pv", "wind", "load")) {
            m.put("series." + s + ".file", Map.of("series." + s + ".column", "C"));
            m.put("series." + s + ".column", Map.of("series." + s + ".file", "f.csv"));
        }
        return m;
    }

    @Test
    void everyKeyReadsBackItsOwnValue() {
        Map<String, String> defaults = StudyConfig.defaults().resolved();
        for (ConfigKey<?> k : StudyConfig.keys()) {
            String value = otherThanDefault(k);
            Map<String, String> set = new java.util.TreeMap<>(COMPANIONS.getOrDefault(k.name(), Map.of()));
            set.put(k.name(), value);
            StudyConfig c = StudyConfig.fromMap(set);
            Map<String, String> expected = new java.util.TreeMap<>(defaults);
            expected.putAll(set);
            assertEquals(expected, c.resolved(), k.name());
            assertEquals(c, StudyConfig.fromMap(c.resolved()), k.name());
        }
    }

    /** An admissible value of {@code k}, canonically spelled, that is not its default. */
    private static String otherThanDefault(ConfigKey<?> k) {
        List<String> candidates = switch (k.type()) {
            case INT, LONG -> k.range() == null ? List.of("-1")
                    : List.of(Long.toString((long) k.range().min()), Long.toString((long) k.range().max()));
            case DOUBLE, FEED_IN -> List.of(ConfigKey.number(k.range().min()), ConfigKey.number(k.range().max()),
                    ConfigKey.number((k.range().min() + k.range().max()) / 2));
            case BOOLEAN -> List.of("true", "false");
            case ENUM -> k.allowed();
            case STRING -> List.of("x");
            case HOUR_RANGE -> List.of("1-2");
        };
        return candidates.stream().filter(v -> !v.equals(k.defaultValue()))
                .filter(v -> k.range() == null || k.range().contains(Double.parseDouble(v))).findFirst()
                .orElseThrow(() -> new AssertionError(k.name() + ": no value other than the default"));
    }

    @Test
    void canonicalNumbers() {
        assertEquals("4000", ConfigKey.number(4000));
        assertEquals("0.13", ConfigKey.number(0.13));
        assertEquals("1e-7", ConfigKey.number(1e-7));
        assertEquals("1.5e-8", ConfigKey.number(1.5e-8));
        assertEquals("1e12", ConfigKey.number(1e12));
        assertEquals("-0.2", ConfigKey.number(-0.2));
    }

    @Test
    void markdownTableHasARowPerKey() {
        String table = StudyConfig.markdownTable();
        List<String> rows = table.lines().collect(Collectors.toList());
        assertEquals(StudyConfig.keys().size() + 2, rows.size());
        for (ConfigKey k : StudyConfig.keys()) {
            assertEquals(1, rows.stream().filter(r -> r.startsWith("| `" + k.name() + "` |")).count(), k.name());
        }
        assertTrue(rows.stream().allMatch(r -> r.split("(?<!\\\\)\\|", -1).length == 7), "five cells per row");
    }

    @Test
    void readmeDocumentsEveryKey() throws IOException {
        String readme = Files.readString(CONF.resolve("README.md"));
        for (ConfigKey k : StudyConfig.keys()) {
            assertTrue(readme.contains(k.name()), "conf/README.md lacks " + k.name());
        }
    }

    @Test
    void readmeTableIsCurrent() throws IOException {
        String readme = Files.readString(CONF.resolve("README.md"));
        assertTrue(readme.contains(StudyConfig.markdownTable()),
                "conf/README.md is stale: replace its table with StudyConfig.markdownTable():\n"
                        + StudyConfig.markdownTable());
    }

    @Test
    void suggestionDistance() {
        assertEquals(0, ConfigLoader.editDistance("abc", "abc"));
        assertEquals(1, ConfigLoader.editDistance("abc", "abd"));
        assertEquals(3, ConfigLoader.editDistance("", "abc"));
        assertEquals(2, ConfigLoader.editDistance("study.dasy", "study.days"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static List<String> errors(Map<String, String> overrides) {
        return assertThrows(ConfigException.class, () -> StudyConfig.load(null, overrides)).errors();
    }

    private static void assertSingleError(String key, String value, String expected) {
        String shown = value.isEmpty() ? "\"\"" : value;
        assertEquals(List.of("--set: " + key + " = " + shown + ": " + expected), errors(Map.of(key, value)));
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
