package org.tea.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's page as it is built: the HTML skeleton with its style sheet, the elements every section uses
 * (headings, paragraphs, images, data links, number cells), and the folder where plots and CSV files go beside
 * {@code index.html}. Sections append to it in page order; {@link Report} decides that order.
 */
final class Page {
    private final Path folder;
    private final StringBuilder html = new StringBuilder();

    Page(Path folder) {
        this.folder = folder;
    }

    /** Opens the document: head with the style sheet, then the title as the page's heading. */
    void open(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222;"
                        + "line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ccc;"
                        + "padding:4px 8px}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}\n")
                .append("img{max-width:100%;border:1px solid #eee;margin:.5em 0}.holds{color:#1a7f37}"
                        + ".fails{color:#b42318}")
                .append(".note{color:#555;font-size:14px}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
    }

    /** Closes the document and writes it as {@code index.html}. */
    void close() throws IOException {
        html.append("</body>\n</html>\n");
        Files.writeString(folder.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    /** The HTML written so far, for sections that append tables and lists of their own. */
    StringBuilder html() {
        return html;
    }

    /** A file beside {@code index.html}, e.g. a plot. */
    Path file(String name) {
        return folder.resolve(name);
    }

    /** A CSV file beside {@code index.html} with the given header; the caller closes it. */
    CSVPrinter csv(String file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file(file), StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }

    void h2(String text, String id) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(text)).append("</h2>\n");
    }

    void p(String text) {
        html.append("<p>").append(esc(text)).append("</p>\n");
    }

    void img(String file, String alt) {
        html.append("<img src=\"").append(file).append("\" alt=\"").append(esc(alt)).append("\">\n");
    }

    /** The note under a plot or table that links the CSV holding its numbers. */
    void link(String file) {
        html.append("<p class=\"note\">Data: <a href=\"").append(file).append("\">").append(file).append("</a></p>\n");
    }

    /** A number cell, with digits by magnitude: none from 1,000 (and for 0), 2 from 1, else 4. */
    static String num(double v) {
        double a = Math.abs(v);
        int digits = a == 0 || a >= 1000 ? 0 : a >= 1 ? 2 : 4;
        return num(v, digits);
    }

    static String num(double v, int digits) {
        return "<td class=\"n\">" + (Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + digits + "f", v) : "n/a")
                + "</td>";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f%%", v) : "n/a";
    }

    static String big(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
