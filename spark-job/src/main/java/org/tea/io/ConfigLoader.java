package org.tea.io;

import static org.tea.io.ConfigKeys.STUDY_DAYS;
import static org.tea.io.ConfigKeys.STUDY_FIRST_DAY;
import static org.tea.io.ConfigKeys.STUDY_YEAR;
import static org.tea.io.StudyConfig.INCLUDE;
import static org.tea.io.StudyConfig.SET;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tea.io.ConfigKeys.Values;

/**
 * Reads and validates a configuration for {@link StudyConfig}: config files with their include chain, {@code --set}
 * overrides and raw maps become one raw setting per key, each key parses its own, keys are checked against each
 * other, and every problem found goes into one {@link ConfigException}.
 */
final class ConfigLoader {
    private static final String DEFAULT = "default";
    private static final String MAP = "config";
    private static final Map<String, ConfigKey<?>> BY_NAME = index(ConfigKeys.all());

    private ConfigLoader() {
    }

    /** See {@link StudyConfig#load}. */
    static StudyConfig load(Path file, Map<String, String> overrides) {
        List<String> errors = new ArrayList<>();
        Map<String, Setting> settings = new LinkedHashMap<>();
        if (file != null) {
            if (Files.isRegularFile(file)) {
                readFile(file, settings, errors, new ArrayDeque<>());
            } else {
                errors.add(file + ": file not found");
            }
        }
        putAll(settings, overrides, SET, errors);
        return build(settings, errors);
    }

    /** See {@link StudyConfig#fromMap}. */
    static StudyConfig fromMap(Map<String, String> raw) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        putAll(settings, raw, MAP, null);
        return build(settings, new ArrayList<>());
    }

    /** See {@link StudyConfig#with}. */
    static StudyConfig with(StudyConfig config, Map<String, String> overrides) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        config.resolved().forEach((k, v) -> settings.put(k, new Setting(v, MAP)));
        putAll(settings, overrides, SET, null);
        return build(settings, new ArrayList<>());
    }

    /** A raw value and where it came from (a file, {@code --set}, {@code config} or {@code default}). */
    private record Setting(String value, String source) {
    }

    /**
     * Puts {@code raw}, keys and values trimmed, in key order. Given {@code includeErrors} (the overrides of
     * {@link #load}), an {@code include} among them is reported there as allowed in files only; otherwise it is
     * put like any other key and reported as unknown.
     */
    private static void putAll(Map<String, Setting> into, Map<String, String> raw, String source,
            List<String> includeErrors) {
        for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (includeErrors != null && key.equals(INCLUDE)) {
                includeErrors.add(source + ": " + INCLUDE + " = " + show(value)
                        + ": include is only allowed in a config file");
            } else {
                into.put(key, new Setting(value, source));
            }
        }
    }

    /** Reads {@code file} into {@code into}: its include first, then its own keys on top. */
    private static void readFile(Path file, Map<String, Setting> into, List<String> errors, Deque<Path> chain) {
        String label = file.toString();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            errors.add(label + ": cannot read: " + e.getMessage());
            return;
        }
        chain.push(file.toAbsolutePath().normalize());
        String include = p.getProperty(INCLUDE);
        if (include != null) {
            include = include.trim();
            Path target = include.isEmpty() ? null : file.resolveSibling(include).normalize();
            if (target == null) {
                errors.add(label + ": " + INCLUDE + " = \"\": expected the path of another config file");
            } else if (chain.contains(target.toAbsolutePath().normalize())) {
                errors.add(label + ": " + INCLUDE + " = " + include + ": include cycle through " + target);
            } else if (!Files.isRegularFile(target)) {
                errors.add(label + ": " + INCLUDE + " = " + include + ": file " + target + " not found");
            } else {
                readFile(target, into, errors, chain);
            }
        }
        chain.pop();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.equals(INCLUDE)) {
                into.put(key, new Setting(p.getProperty(key).trim(), label));
            }
        }
    }

    private static StudyConfig build(Map<String, Setting> settings, List<String> errors) {
        for (Map.Entry<String, Setting> e : settings.entrySet()) {
            if (!BY_NAME.containsKey(e.getKey())) {
                errors.add(e.getValue().source() + ": " + e.getKey() + " = " + show(e.getValue().value())
                        + ": unknown key" + suggestion(e.getKey()));
            }
        }
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigKey<?> k : ConfigKeys.all()) {
            Setting s = settings.getOrDefault(k.name(), new Setting(k.defaultValue(), DEFAULT));
            try {
                parsed.put(k.name(), k.parse(s.value()));
            } catch (IllegalArgumentException e) {
                errors.add(s.source() + ": " + k.name() + " = " + show(s.value()) + ": " + e.getMessage());
            }
        }
        Values values = new Values(parsed);
        crossCheck(values, settings, errors);
        crossCheckSeries(values, settings, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return ConfigKeys.assemble(values);
    }

    /** Checks between keys; each runs only when the keys it needs parsed. */
    private static void crossCheck(Values v, Map<String, Setting> settings, List<String> errors) {
        Integer days = v.find(STUDY_DAYS);
        Integer year = v.find(STUDY_YEAR);
        Integer firstDay = v.find(STUDY_FIRST_DAY);
        if (days != null && year != null) {
            int length = Year.isLeap(year) ? 366 : 365;
            if (days > length) {
                Setting s = settings.get(STUDY_DAYS.name());
                errors.add(s.source() + ": " + STUDY_DAYS.name() + " = " + s.value() + ": expected at most " + length
                        + " because " + STUDY_YEAR.name() + " = " + year + " has " + length + " days");
            } else if (firstDay != null && firstDay + days - 1 > length) {
                // the window must end within the year; blamed on firstDay, as days alone fits
                Setting s = setting(settings, STUDY_FIRST_DAY);
                errors.add(s.source() + ": " + STUDY_FIRST_DAY.name() + " = " + s.value() + ": expected at most "
                        + (length - days + 1) + " so that the " + STUDY_DAYS.name() + " = " + days + " days from it end"
                        + " within the " + length + " days of " + STUDY_YEAR.name() + " = " + year);
            }
        }
    }

    /** A series file needs its column, and a column its file. */
    private static void crossCheckSeries(Values v, Map<String, Setting> settings, List<String> errors) {
        ConfigKey<?>[][] pairs = {{ConfigKeys.SERIES_PRICE_FILE, ConfigKeys.SERIES_PRICE_COLUMN},
            {ConfigKeys.SERIES_PV_FILE, ConfigKeys.SERIES_PV_COLUMN},
            {ConfigKeys.SERIES_WIND_FILE, ConfigKeys.SERIES_WIND_COLUMN},
            {ConfigKeys.SERIES_LOAD_FILE, ConfigKeys.SERIES_LOAD_COLUMN}};
        for (ConfigKey<?>[] pair : pairs) {
            Object file = v.find(pair[0]);
            Object column = v.find(pair[1]);
            if (file == null || column == null) {
                continue;
            }
            if (!file.toString().isEmpty() && column.toString().isEmpty()) {
                Setting s = setting(settings, pair[0]);
                errors.add(s.source() + ": " + pair[0].name() + " = " + s.value() + ": expected " + pair[1].name()
                        + " too, the column to read");
            } else if (file.toString().isEmpty() && !column.toString().isEmpty()) {
                Setting s = setting(settings, pair[1]);
                errors.add(s.source() + ": " + pair[1].name() + " = " + s.value() + ": expected " + pair[0].name()
                        + " too, the file to read it from");
            }
        }
    }

    /** The setting of {@code key}, or its default when nothing set it. */
    private static Setting setting(Map<String, Setting> settings, ConfigKey<?> key) {
        return settings.getOrDefault(key.name(), new Setting(key.defaultValue(), DEFAULT));
    }

    /** " (did you mean k?)" for the closest known key within a small edit distance, else "". */
    static String suggestion(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey<?> k : ConfigKeys.all()) {
            int d = editDistance(unknown.toLowerCase(Locale.ROOT), k.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return bestDistance <= Math.max(2, unknown.length() / 5) ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String show(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }

    private static Map<String, ConfigKey<?>> index(List<ConfigKey<?>> keys) {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : keys) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate config key " + k.name());
            }
            k.parse(k.defaultValue()); // a bad default is a bug: fail at class initialisation
        }
        return Collections.unmodifiableMap(m);
    }
}
