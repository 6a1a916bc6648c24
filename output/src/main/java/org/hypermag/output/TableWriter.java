package org.hypermag.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run table, {@code table.csv}: one row per table interval, flushed after every row so that an interrupted run
 * keeps every completed row.
 *
 * <p>Columns (SI): t (s); mx, my, mz (volume-averaged unit magnetisation); E_total, E_exchange, E_anisotropy,
 * E_zeeman, E_demag (J); max_torque = max |m × H_eff| (A/m); dt, the last time step (s).
 */
public final class TableWriter implements Closeable {
    /** The header line. */
    public static final String HEADER = "t,mx,my,mz,E_total,E_exchange,E_anisotropy,E_zeeman,E_demag,max_torque,dt";

    private final BufferedWriter out;
    private final Path path;

    /**
     * Creates (or truncates) the table and writes the header.
     *
     * @param path the file; its directory is created if missing
     */
    public TableWriter(Path path) {
        this.path = path;
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /**
     * Appends a row and flushes it to disk.
     *
     * @param values the 11 values in header order
     */
    public void row(double... values) {
        if (values.length != 11) {
            throw new IllegalArgumentException("a table row has 11 values, got " + values.length);
        }
        try {
            for (int k = 0; k < values.length; k++) {
                if (k > 0) {
                    out.write(',');
                }
                out.write(Double.toString(values[k]));
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
