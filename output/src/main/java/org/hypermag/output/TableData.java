package org.hypermag.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run table read back from {@code table.csv} (see {@link TableWriter}): column names and rows of numbers. A last
 * row cut short by an interrupted write is skipped.
 *
 * @param columns column names
 * @param rows the rows, each with one value per column
 */
public record TableData(List<String> columns, List<double[]> rows) {

    /**
     * @param path a table written by {@link TableWriter}
     * @return its contents
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not such a table
     */
    public static TableData read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(path + ": empty; expected a header line " + TableWriter.HEADER);
        }
        List<String> columns = Arrays.asList(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (int ln = 1; ln < lines.size(); ln++) {
            String[] f = lines.get(ln).split(",");
            if (f.length != columns.size()) {
                if (ln == lines.size() - 1) {
                    break; // a row cut short at the end by an interruption
                }
                throw new IllegalArgumentException(path + ":" + (ln + 1) + ": expected " + columns.size()
                        + " values, found " + f.length);
            }
            double[] row = new double[f.length];
            try {
                for (int k = 0; k < f.length; k++) {
                    row[k] = Double.parseDouble(f[k]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ":" + (ln + 1) + ": not a number: " + e.getMessage());
            }
            rows.add(row);
        }
        return new TableData(List.copyOf(columns), List.copyOf(rows));
    }

    /**
     * @param name a column name
     * @return that column's values
     */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = rows.get(r)[c];
        }
        return v;
    }
}
