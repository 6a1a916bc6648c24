package org.hypermag.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file all at once or not at all: the content goes to a temporary file beside the target, which is
 * moved into place only after it was written completely. A failure leaves no partial target file behind.
 */
public final class AtomicTextFile {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write
         * @throws IOException on a write error
         */
        void writeTo(BufferedWriter out) throws IOException;
    }

    private AtomicTextFile() {
    }

    /**
     * Writes {@code target} (UTF-8) from {@code content}.
     *
     * @param target the file to create or replace; its directory is created if missing
     * @param content the writer of the content; an exception from it leaves no target file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // a plain new file, so that it gets the umask's permissions (createTempFile would make it 0600)
            tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + RunLock.describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }
}
