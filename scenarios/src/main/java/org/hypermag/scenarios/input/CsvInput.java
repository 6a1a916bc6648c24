package org.hypermag.scenarios.input;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads numeric CSV tables with a header line, validating every value at the boundary.
 *
 * <p>Format: comma-separated, UTF-8; blank lines and lines starting with {@code #} are ignored; the first other line
 * is the header, naming every expected column exactly once (in any order, surrounding spaces ignored); each further
 * line holds one number per column. Errors name the file, line and column (1-based character position of the value),
 * the column name, the value found and what was expected.
 */
public final class CsvInput {

    /** A constraint on the values of a column. */
    public enum Constraint {
        /** Any finite number. */
        FINITE("a finite number"),
        /** A finite number greater than zero. */
        POSITIVE("a finite number > 0"),
        /** An integer &ge; 0. */
        INDEX("an integer >= 0");

        private final String text;

        Constraint(String text) {
            this.text = text;
        }
    }

    /**
     * An expected column.
     *
     * @param name header name
     * @param unit unit and meaning, for messages (e.g. "side length, m")
     * @param constraint what values are allowed
     * @param defaultValue the value when the column is absent, or null if the column is required
     */
    public record Column(String name, String unit, Constraint constraint, Double defaultValue) {
        /**
         * A required column.
         *
         * @param name header name
         * @param unit unit and meaning
         * @param constraint allowed values
         */
        public Column(String name, String unit, Constraint constraint) {
            this(name, unit, constraint, null);
        }
    }

    /**
     * The values read, by column, with the source line of each row.
     *
     * @param file file name as given
     * @param columns the expected columns, in the order of {@link #values}
     * @param values values[c][row]
     * @param lines 1-based line of each row
     */
    public record Table(String file, List<Column> columns, double[][] values, int[] lines) {
        /** @return number of data rows */
        public int rows() {
            return lines.length;
        }

        /**
         * @param name column name
         * @return that column's values
         */
        public double[] column(String name) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(name)) {
                    return values[c];
                }
            }
            throw new IllegalArgumentException("no column " + name);
        }
    }

    private CsvInput() {
    }

    /**
     * Reads a table.
     *
     * @param path the file
     * @param columns the expected columns
     * @return the table, with at least one row
     * @throws InputException on any problem with the file or its contents
     */
    public static Table read(Path path, List<Column> columns) {
        String name = path.toString();
        List<String> text;
        try {
            text = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, 0, "file not found");
        } catch (MalformedInputException e) {
            throw new InputException(name, 0, 0, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot read the file: " + e.getMessage());
        }
        String expectedHeader = String.join(",", columns.stream()
                .map(c -> c.defaultValue() == null ? c.name() : "[" + c.name() + "]").toList());
        int headerLine = -1;
        int[] position = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int ln = 0; ln < text.size(); ln++) {
            String line = text.get(ln);
            if (ln == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (headerLine < 0) {
                headerLine = ln + 1;
                position = parseHeader(name, headerLine, line, columns, expectedHeader);
                continue;
            }
            rows.add(parseRow(name, ln + 1, line, columns, position));
            lines.add(ln + 1);
        }
        if (headerLine < 0) {
            throw new InputException(name, 0, 0, "the file is empty; expected a header line '" + expectedHeader
                    + "' and at least one data line");
        }
        if (rows.isEmpty()) {
            throw new InputException(name, headerLine, 0, "no data lines after the header; expected at least one line of "
                    + columns.size() + " numbers (" + expectedHeader + ")");
        }
        double[][] values = new double[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                values[c][r] = row[c];
            }
        }
        return new Table(name, List.copyOf(columns), values, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** @return for each header field, the index of its column in {@code columns} */
    private static int[] parseHeader(String file, int line, String text, List<Column> columns, String expected) {
        String[] fields = text.split(",", -1);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c).name(), c);
        }
        int[] position = new int[fields.length];
        boolean[] seen = new boolean[columns.size()];
        int col = 1;
        for (int f = 0; f < fields.length; f++) {
            String h = fields[f].strip();
            Integer c = index.get(h);
            if (c == null) {
                throw new InputException(file, line, col, "unknown column '" + h + "' in the header; expected the columns "
                        + expected);
            }
            if (seen[c]) {
                throw new InputException(file, line, col, "column '" + h + "' appears twice in the header");
            }
            seen[c] = true;
            position[f] = c;
            col += fields[f].length() + 1;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!seen[c] && columns.get(c).defaultValue() == null) {
                throw new InputException(file, line, 0, "missing column '" + columns.get(c).name()
                        + "' in the header; expected the columns " + expected);
            }
        }
        return position;
    }

    private static double[] parseRow(String file, int line, String text, List<Column> columns, int[] position) {
        String[] fields = text.split(",", -1);
        if (fields.length != position.length) {
            throw new InputException(file, line, 0, "expected " + position.length + " comma-separated values ("
                    + String.join(",", Arrays.stream(position).mapToObj(c -> columns.get(c).name()).toList())
                    + "), found " + fields.length);
        }
        double[] row = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).defaultValue() != null) {
                row[c] = columns.get(c).defaultValue();
            }
        }
        int col = 1;
        for (int f = 0; f < fields.length; f++) {
            Column c = columns.get(position[f]);
            String raw = fields[f];
            String v = raw.strip();
            int valueColumn = col + (raw.length() - raw.stripLeading().length());
            double x;
            try {
                if (v.isEmpty() || !v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException();
                }
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InputException(file, line, valueColumn, "column '" + c.name() + "': expected "
                        + c.constraint().text + " (" + c.unit() + "), got '" + v + "'");
            }
            if (!Double.isFinite(x) || (c.constraint() == Constraint.POSITIVE && !(x > 0))
                    || (c.constraint() == Constraint.INDEX && (x < 0 || x != Math.rint(x) || x > Integer.MAX_VALUE))) {
                throw new InputException(file, line, valueColumn, "column '" + c.name() + "': expected "
                        + c.constraint().text + " (" + c.unit() + "), got '" + v + "'");
            }
            row[position[f]] = x;
            col += raw.length() + 1;
        }
        return row;
    }
}
