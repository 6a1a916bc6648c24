package org.hypermag.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one writer of a run directory: an operating-system lock ({@link FileChannel#tryLock}) on
 * {@code DIR/.hypermag.lock}, held for as long as a command writes the directory ({@code run}, {@code run --resume},
 * {@code --overwrite}, {@code validate}). A second writer is refused at once with the holder's process id. The lock
 * is released when the holder closes it or its process ends (also by SIGKILL: the operating system releases it);
 * the file itself stays, holding the last holder's description.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name inside a run directory. */
    public static final String FILE = ".hypermag.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another run in this one) writes the directory. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /**
     * Takes the directory's lock, creating the directory if needed.
     *
     * @param dir the run directory
     * @param command what takes it (e.g. "run", "validate"), recorded for a second writer's message
     * @return the lock; close it when done writing
     * @throws BusyException naming the directory and the holder's process id if another writer holds it
     * @throws java.io.UncheckedIOException if the lock file cannot be created
     */
    public static RunLock acquire(Path dir, String command) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new BusyException(dir + " is being written by another hypermag command (" + holder + "); wait "
                        + "for it to end, or write to another directory with --out");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + command + ", since "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // the lock was not taken; nothing to release
            }
            throw new java.io.UncheckedIOException("cannot lock " + file + ": " + describe(e), e);
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        int n = ch.read(b, 0);
        String text = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "process id unknown" : text;
    }

    /**
     * @param e an I/O failure
     * @return its message with the reason spelled out (permission denied, no space left)
     */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException f) {
            return f.getFile() + ": not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process ending releases the lock as well
        }
    }
}
