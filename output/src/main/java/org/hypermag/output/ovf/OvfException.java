package org.hypermag.output.ovf;

/** An OVF file that cannot be read or written; the message names the file, and the line where one applies. */
public final class OvfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file (and line) */
    public OvfException(String message) {
        super(message);
    }
}
