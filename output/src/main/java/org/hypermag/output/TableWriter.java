package org.hypermag.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table written row by row and flushed after every row, so that an interrupted run keeps every completed row.
 *
 * <p>The run table, {@code table.csv} ({@link #HEADER}): the columns of {@link RunTable}. The hysteresis table,
 * {@code hysteresis.csv} ({@link #HYSTERESIS_HEADER}): stage, point, Hx, Hy, Hz (applied field, A/m), mx, my, mz,
 * E_total (J), max_torque (A/m), converged (1 if the point's relaxation met its torque tolerance, else 0), iterations
 * (of the point's relaxation). Columns named stage, point, converged and iterations are written as integers.
 */
public final class TableWriter implements Closeable {
    /** The header of the run table. */
    public static final String HEADER = RunTable.HEADER;
    /** The header of the hysteresis table. */
    public static final String HYSTERESIS_HEADER =
            "stage,point,Hx,Hy,Hz,mx,my,mz,E_total,max_torque,converged,iterations";
    /** Index of the column converged in {@link #HYSTERESIS_HEADER}. */
    public static final int HYSTERESIS_CONVERGED = 10;

    private final BufferedWriter out;
    private final Path path;
    private final int columns;
    private final boolean[] integer;
    /** One value's text ({@link RoundTripDecimal}: not Double.toString, which the JIT is slow to compile). */
    private final char[] text = new char[RoundTripDecimal.MAX_CHARS];
    private long rows;

    private TableWriter(Path path, String header, boolean create, long keepRows) {
        this.path = path;
        String[] names = header.split(",");
        this.columns = names.length;
        this.integer = new boolean[names.length];
        for (int k = 0; k < names.length; k++) {
            integer[k] = RunTable.isInteger(names[k]) || names[k].equals("converged") || names[k].equals("iterations");
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (create) {
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write(header);
                out.write('\n');
                out.flush();
            } else {
                truncate(path, header, keepRows);
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                rows = keepRows;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + RunLock.describe(e), e);
        }
    }

    /**
     * Creates (or truncates) the run table and writes the header.
     *
     * @param path the file; its directory is created if missing
     */
    public TableWriter(Path path) {
        this(path, HEADER, true, 0);
    }

    /**
     * Creates a table with a header.
     *
     * @param path the file
     * @param header the header line
     * @return the writer
     */
    public static TableWriter create(Path path, String header) {
        return new TableWriter(path, header, true, 0);
    }

    /**
     * Reopens a table to continue it, keeping the header and its first {@code keepRows} rows.
     *
     * @param path the file
     * @param header the expected header line
     * @param keepRows rows to keep
     * @return the writer, appending
     */
    public static TableWriter resume(Path path, String header, long keepRows) {
        return new TableWriter(path, header, false, keepRows);
    }

    private static void truncate(Path path, String header, long keepRows) throws IOException {
        List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IOException("expected a table with header " + header);
        }
        if (lines.size() - 1 < keepRows) {
            throw new IOException("the table has " + (lines.size() - 1) + " rows, the checkpoint needs " + keepRows);
        }
        List<String> keep = new ArrayList<>(lines.subList(0, (int) keepRows + 1));
        Files.write(path, keep, StandardCharsets.UTF_8);
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return rows written (including rows kept from before a resume) */
    public long rows() {
        return rows;
    }

    /**
     * Appends a row and flushes it to disk.
     *
     * @param values one value per column
     */
    public void row(double... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + path.getFileName() + " has " + columns + " values, got "
                    + values.length);
        }
        try {
            for (int k = 0; k < values.length; k++) {
                if (k > 0) {
                    out.write(',');
                }
                if (integer[k]) {
                    out.write(Long.toString((long) values[k]));
                } else {
                    out.write(text, 0, RoundTripDecimal.write(values[k], text, 0));
                }
            }
            out.write('\n');
            out.flush();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + RunLock.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + RunLock.describe(e), e);
        }
    }
}
