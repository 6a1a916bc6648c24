package org.hypermag.output;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Checks that a run directory can be resumed before anything is written to it: the checkpoint reads and its checksum
 * matches ({@link Checkpoint#read}), every frame segment it names exists, has the checksum recorded for it and holds
 * the frames it should, and the tables hold the rows it names. A damaged directory is refused with what is damaged
 * and what {@code --overwrite} would do instead.
 */
public final class RunIntegrity {
    private RunIntegrity() {
    }

    /**
     * @param file a file
     * @return its CRC-32C
     * @throws UncheckedIOException if it cannot be read
     */
    public static long checksum(Path file) {
        CRC32C c = new CRC32C();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                c.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + RunLock.describe(e), e);
        }
        return c.getValue();
    }

    /**
     * Verifies a run directory against its checkpoint.
     *
     * @param dir the run directory
     * @param cp its checkpoint (already read and verified)
     * @return what is damaged, one line each (empty if the directory can be resumed)
     */
    public static List<String> problems(Path dir, Checkpoint cp) {
        List<String> out = new ArrayList<>();
        int frames = 0;
        for (int k = 0; k < cp.segments(); k++) {
            Path seg = RunLayout.segment(dir, k);
            if (!Files.isRegularFile(seg)) {
                out.add(seg + " is missing (the checkpoint names " + cp.segments() + " segments)");
                continue;
            }
            long sum;
            try {
                sum = checksum(seg);
            } catch (UncheckedIOException e) {
                out.add(e.getMessage());
                continue;
            }
            if (sum != cp.segmentChecksums()[k]) {
                out.add(seg + " is damaged: its checksum differs from the one recorded when it was written");
                continue;
            }
            try (HdfFile h = new HdfFile(seg)) {
                frames += ((double[]) h.getDatasetByPath("time").getData()).length;
            } catch (RuntimeException e) {
                out.add(seg + " cannot be read: " + e.getMessage());
            }
        }
        if (out.isEmpty() && frames != cp.frames()) {
            out.add("the segments hold " + frames + " frames, the checkpoint " + cp.frames());
        }
        rows(dir.resolve(RunLayout.TABLE_FILE), cp.tableRows(), out);
        if (cp.hysteresisRows() > 0) {
            rows(dir.resolve(RunLayout.HYSTERESIS_FILE), cp.hysteresisRows(), out);
        }
        if (cp.relaxRows() > 0) {
            rows(dir.resolve(RunLayout.RELAX_FILE), cp.relaxRows(), out);
        }
        return out;
    }

    private static void rows(Path table, long needed, List<String> out) {
        if (!Files.isRegularFile(table)) {
            out.add(table + " is missing (the checkpoint needs " + needed + " rows of it)");
            return;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(table)) {
            long have = lines.count() - 1;
            if (have < needed) {
                out.add(table + " has " + Math.max(0, have) + " rows, the checkpoint needs " + needed);
            }
        } catch (IOException | UncheckedIOException e) {
            out.add("cannot read " + table + ": " + e.getMessage());
        }
    }
}
