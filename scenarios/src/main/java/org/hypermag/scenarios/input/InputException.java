package org.hypermag.scenarios.input;

/**
 * Bad user input: a message that names the file, the line and column where known, what was found and what was
 * expected. The command-line interface prints {@link #getMessage()} as one line, with no stack trace.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file file name as the user gave it (or null)
     * @param line 1-based line, or 0 if not applicable
     * @param column 1-based character column, or 0 if not applicable
     * @param message what is wrong and what was expected
     */
    public InputException(String file, int line, int column, String message) {
        super(format(file, line, column, message));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String file, int line, int column, String message) {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        }
        return b.append(message).toString();
    }

    /** @return the file name, or null */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 */
    public int column() {
        return column;
    }
}
