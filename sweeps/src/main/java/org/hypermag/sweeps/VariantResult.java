package org.hypermag.sweeps;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.hypermag.output.AtomicTextFile;

/**
 * What became of one variant: its status, attempts, wall time, a message and its landmarks. Each variant's result is
 * a small file in the sweep's {@code status/} folder, written atomically by whichever process ran it (so the driver,
 * a resumed sweep and the summary read the same record, and a killed executor leaves the last complete one).
 *
 * @param id the variant
 * @param status {@link #RUNNING}, {@link #COMPLETED}, {@link #FAILED} or {@link #INTERRUPTED}
 * @param attempts attempts made (1 + retries used)
 * @param wallSeconds wall time of the last attempt (s)
 * @param message why it failed or stopped ("" when completed)
 * @param host where it ran (host name and process id)
 * @param landmarks name → value (SI units as named), NaN where undefined
 */
record VariantResult(String id, String status, int attempts, double wallSeconds, String message, String host,
                     Map<String, Double> landmarks) implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /** The folder of the status files in a sweep's output directory. */
    static final String DIR = "status";

    /** @return the status file of a variant */
    static Path file(Path sweepDir, String id) {
        return sweepDir.resolve(DIR).resolve(id + ".properties");
    }

    /** Writes this result atomically. */
    void write(Path sweepDir) {
        Properties p = new Properties();
        p.setProperty("id", id);
        p.setProperty("status", status);
        p.setProperty("attempts", Integer.toString(attempts));
        p.setProperty("wall_s", Double.toString(wallSeconds));
        // one line, bounded: the full story is in the run's own directory
        String m = message.replace('\n', ' ');
        p.setProperty("message", m.length() > 2000 ? m.substring(0, 2000) + "..." : m);
        p.setProperty("host", host);
        for (Map.Entry<String, Double> e : landmarks.entrySet()) {
            p.setProperty("landmark." + e.getKey(), Double.toString(e.getValue()));
        }
        AtomicTextFile.write(file(sweepDir, id), out -> p.store(out, "hypermag sweep variant " + id));
    }

    /**
     * @param sweepDir the sweep's output directory
     * @param id a variant
     * @return its last written result, or null if it never started
     */
    static VariantResult read(Path sweepDir, String id) {
        Path f = file(sweepDir, id);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        Map<String, Double> landmarks = new LinkedHashMap<>();
        for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
            if (k.startsWith("landmark.")) {
                landmarks.put(k.substring(9), parse(p.getProperty(k)));
            }
        }
        return new VariantResult(p.getProperty("id", id), p.getProperty("status", FAILED),
                (int) parse(p.getProperty("attempts", "0")), parse(p.getProperty("wall_s", "NaN")),
                p.getProperty("message", ""), p.getProperty("host", ""), landmarks);
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return where this process runs, for the record */
    static String here() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
