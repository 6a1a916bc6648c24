package org.hypermag.scenarios.spec;

/**
 * One problem found in a scenario file.
 *
 * @param file the file name as given
 * @param line 1-based line, or 0 when not known
 * @param column 1-based column, or 0 when not known
 * @param path the key path (e.g. {@code stages[1].run.duration}), or "" for the document
 * @param message what was found and what is expected
 */
public record Problem(String file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(message).toString();
    }
}
