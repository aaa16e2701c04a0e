package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens exported reports in a real browser, headless Chromium driven through chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs): every image must load and the
 * key-figures table must be there. Checks the committed reports under {@code notebooks-export/} and one generated
 * now, and that the check itself catches a missing image and a missing table.
 *
 * <p>Browser and driver paths: {@code -Dtea.chromium=...} and {@code -Dtea.chromedriver=...} (default
 * {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}).
 */
class ReportBrowserTest {
    static final String CHROMIUM = System.getProperty("tea.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("tea.chromedriver", "/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    static ChromeDriver browser;
    static Path fresh;

    @BeforeAll
    static void start() {
        assertTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
                "this test needs headless Chromium and its driver: apt-get install chromium chromium-driver "
                        + "(.ci/run does), or -Dtea.chromium=PATH -Dtea.chromedriver=PATH");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        // no sandbox (CI runs as root); no background traffic to hosts a closed network refuses
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);

        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", "--config", "../conf/quick.properties", "--output", run.toString(), "--set",
                "study.days=3", "--set", "endusers.count=100", "--master", "local[2]", "--quiet"));
        fresh = tmp.resolve("report");
        assertEquals(0, Main.execute("report", "--input", run.toString(), "--output", fresh.toString()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** What the browser saw of a page: its images that did not load, all images, and the key-figures rows. */
    record Seen(List<String> broken, long images, long keyFigureRows) {
    }

    @SuppressWarnings("unchecked")
    static Seen open(Path page) {
        browser.get(page.toUri().toString()); // returns after the load event: every image has loaded or failed
        JavascriptExecutor js = browser;
        List<String> broken = new ArrayList<>((List<String>) js.executeScript("return Array.from(document.images)"
                + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));"));
        long images = (Long) js.executeScript("return document.images.length;");
        long rows = (Long) js.executeScript("var t = document.getElementById('key-figures');"
                + " return t ? t.querySelectorAll('tr td').length / 5 : -1;");
        return new Seen(broken, images, rows);
    }

    static void assertComplete(Path page) {
        Seen s = open(page);
        assertTrue(s.images() >= 5, page + ": only " + s.images() + " images");
        assertEquals(List.of(), s.broken(), page + ": images that did not load");
        assertTrue(s.keyFigureRows() >= 5, page + ": key-figures table missing or empty (" + s.keyFigureRows() + ")");
    }

    @Test
    void aGeneratedReportLoadsEveryImageAndHasItsKeyFigures() {
        assertComplete(fresh.resolve("index.html"));
    }

    @Test
    void everyCommittedReportLoadsEveryImageAndHasItsKeyFigures() throws IOException {
        Path exports = Path.of("../notebooks-export").toAbsolutePath().normalize();
        List<Path> pages;
        try (Stream<Path> s = Files.list(exports)) {
            pages = s.map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(pages.isEmpty(), "no committed report under " + exports);
        for (Path page : pages) {
            assertComplete(page);
        }
    }

    @Test
    void theCheckCatchesAMissingImageAndAMissingTable() throws IOException {
        Path copy = tmp.resolve("damaged");
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(fresh)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.delete(copy.resolve("gains.png"));
        Seen s = open(copy.resolve("index.html"));
        assertEquals(List.of("gains.png"), s.broken());

        String html = Files.readString(copy.resolve("index.html")).replace("id=\"key-figures\"", "id=\"other\"");
        Files.writeString(copy.resolve("index.html"), html);
        assertEquals(-1, open(copy.resolve("index.html")).keyFigureRows());
    }
}
