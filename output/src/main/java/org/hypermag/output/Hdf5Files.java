package org.hypermag.output;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/** Writing HDF5 files with jhdf all at once, atomically: to a temporary name, then moved into place. */
final class Hdf5Files {
    private Hdf5Files() {
    }

    static void writeAtomically(Path target, Consumer<WritableHdfFile> content) {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(abs.getParent());
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                content.accept(f);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + RunLock.describe(e), e);
        } catch (io.jhdf.exceptions.HdfException e) {
            // jhdf reports a failed write (a full disk, say) as its own unchecked exception
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            throw new UncheckedIOException("cannot write " + target + ": " + (cause instanceof IOException io
                    ? RunLock.describe(io) : e.getMessage()), new IOException(e));
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a hidden temporary file beside the target; harmless
            }
        }
    }
}
