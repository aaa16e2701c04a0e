package org.tea.io;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.results.HourlyBalance;
import org.tea.results.KeyFigures;

/**
 * {@code manifest.json} (MODEL section 11): the resolved configuration, seed, versions, input checksums,
 * timings, status, and the conservation checks of every run. Jackson writes it (Spark already ships it).
 */
public final class Manifest {
    public static final String FILE = "manifest.json";

    private Manifest() {
    }

    /** The manifest as JSON text. */
    public static String json(StudyConfig cfg, long endUsers, long prosumers, EquilibriumResult r, List<KeyFigures> figures,
            Map<String, Object> timings) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", "tea");
        m.put("version", Manifest.class.getPackage().getImplementationVersion() == null ? "0.1.0-SNAPSHOT"
                : Manifest.class.getPackage().getImplementationVersion());
        m.put("java", System.getProperty("java.version"));
        long unconverged = r.days().stream().filter(d -> !d.converged()).count();
        m.put("status", unconverged > 0 ? "NOT_CONVERGED" : HourlyBalance.of(r).balanced() ? "CONVERGED" : "UNBALANCED");
        m.put("days_not_converged", unconverged);
        m.put("seed", cfg.study().seed());
        m.put("games", r.games());
        m.put("end_users", endUsers);
        m.put("prosumers", prosumers);
        m.put("passes", r.passes());
        m.put("outer_iterations_total", r.days().stream().mapToLong(DayResult::outerIterations).sum());
        m.put("inner_passes_total", r.days().stream().mapToLong(DayResult::innerPasses).sum());
        Map<String, Object> checks = new LinkedHashMap<>();
        double budget = 0;
        double energy = 0;
        double scale = 0;
        for (KeyFigures k : figures) {
            budget = Math.max(budget, Math.abs(k.budgetImbalance()));
            energy = Math.max(energy, k.energyImbalance());
            scale = Math.max(scale, k.enduserPaymentTe());
        }
        HourlyBalance hourly = HourlyBalance.of(r);
        checks.put("money_balanced_every_hour", hourly.balanced());
        checks.put("budget_imbalance_hourly_max_relative", hourly.worstMoney());
        checks.put("energy_imbalance_hourly_max_kwh", hourly.worstEnergy());
        checks.put("budget_imbalance_max_abs", budget);
        checks.put("budget_imbalance_relative", scale > 0 ? budget / scale : 0.0);
        checks.put("energy_imbalance_max_kwh", energy);
        checks.put("max_clearing_violation_kwh", r.days().stream().mapToDouble(DayResult::maxClearingViolation).max().orElse(0));
        checks.put("max_best_response_gap_kwh", r.days().stream().mapToDouble(DayResult::maxBestResponseGap).max().orElse(0));
        m.put("checks", checks);
        m.put("timings", timings);
        m.put("config", cfg.resolved());
        m.put("input_checksums", checksums(cfg));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }

    /**
     * SHA-256 of every input file, so a result names exactly what it was computed from: the files of inputs.dir
     * by name (a Parquet folder's parts as folder/part), the {@code series.*} files by their configured path.
     */
    static Map<String, String> checksums(StudyConfig cfg) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (StudyConfig.SeriesSource s : List.of(cfg.series().price(), cfg.series().pv(), cfg.series().wind(),
                cfg.series().load())) {
            if (s.given()) {
                out.put(s.file(), sha256(Path.of(s.file())));
            }
        }
        if (cfg.inputs().generate()) {
            return out;
        }
        Path dir = Path.of(cfg.inputs().dir());
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                Path name = dir.relativize(f);
                boolean part = name.getNameCount() == 2 && name.getName(0).toString().endsWith(".parquet")
                        && name.getFileName().toString().endsWith(".parquet");
                if (name.getNameCount() == 1 || part) {
                    out.put(name.toString().replace('\\', '/'), sha256(f));
                }
            }
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
