package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import io.jhdf.HdfFile;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private static Checkpoint checkpoint(double stepMemory) {
        VectorField m = new VectorField(3);
        m.set(0, 1, 0, 0);
        m.set(1, 0, 1, 0);
        m.set(2, 0.6, 0, 0.8);
        return new Checkpoint("name: x\n", 1, 2e-10, 3.5e-10, 7.25e-13, stepMemory, 0, 12, 0, 40, 2, 1,
                new long[] {123456789L}, 11, new long[] {405, 2, 2437},
                new int[] {1}, List.of("relax: converged"), 0, 0, m);
    }

    @Test
    void theStepControllersProposalAndMemoryComeBackBitForBit() {
        checkpoint(3.2e-6).write(dir);
        Checkpoint back = Checkpoint.read(dir);
        assertEquals(7.25e-13, back.nextStep(), 0.0);
        assertEquals(3.2e-6, back.stepMemory(), 0.0);
        assertEquals(0.8, back.m().z[2], 0.0);
        assertArrayEquals(new long[] {405, 2, 2437}, back.stageCounts(), "the run stage's step counts");
        // before the first accepted step there is no memory: NaN is kept as NaN
        checkpoint(Double.NaN).write(dir);
        assertTrue(Double.isNaN(Checkpoint.read(dir).stepMemory()));
    }

    @Test
    void aChangedMemoryFailsTheChecksum() throws IOException {
        Checkpoint a = checkpoint(3.2e-6), b = checkpoint(3.3e-6);
        assertTrue(a.checksum() != b.checksum(), "the memory is part of the checksum");
        assertEquals(checkpoint(Double.NaN).checksum(), checkpoint(Double.NaN).checksum());
        checkpoint(3.2e-6).write(dir);
        assertTrue(Files.size(dir.resolve(RunLayout.CHECKPOINT_FILE)) > 0);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir.resolve("elsewhere")));
    }

    @Test
    void theMagnetisationIsStoredComponentByComponentAndComesBackBitForBit() {
        int n = 2500; // past two of the checksum's blocks of domains
        VectorField m = new VectorField(n);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            m.set(i, rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
        }
        Checkpoint a = new Checkpoint("name: x\n", 0, 0, 1e-12, 1e-13, 1e-6, 0, 2, 0, 0, 0, 0, new long[0], 1,
                new long[] {1, 0, 6}, new int[0], List.of(), 0, 0, m);
        a.write(dir);
        try (HdfFile h = new HdfFile(dir.resolve(RunLayout.CHECKPOINT_FILE))) {
            assertArrayEquals(new int[] {3, n}, h.getDatasetByPath("m").getDimensions(), "m is stored as 3 x N");
        }
        VectorField back = Checkpoint.read(dir).m();
        assertArrayEquals(m.x, back.x, 0.0);
        assertArrayEquals(m.y, back.y, 0.0);
        assertArrayEquals(m.z, back.z, 0.0);
    }

    @Test
    void theChecksumCoversEachDomainsComponentsInTurn() {
        int n = 2500;
        VectorField m = new VectorField(n);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            m.set(i, rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
        }
        Checkpoint a = new Checkpoint("", 0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, new long[0], 0,
                new long[3], new int[0], List.of(), 0, 0, m);
        // the fixed fields, as Checkpoint.checksum puts them, then m_x, m_y, m_z of domain 0, 1, ... one by one
        CRC32C c = new CRC32C();
        c.update(java.nio.ByteBuffer.allocate(8 * 21).putInt(0).putDouble(0).putDouble(0).putDouble(Double.NaN)
                .putInt(0).putLong(0).putLong(0).putLong(0).putInt(0).putInt(0).putLong(0).putLong(0).putLong(0)
                .putLong(0).putLong(0).putLong(0).flip());
        for (int i = 0; i < n; i++) {
            c.update(java.nio.ByteBuffer.allocate(24).putDouble(m.x[i]).putDouble(m.y[i]).putDouble(m.z[i]).flip());
        }
        assertEquals(c.getValue(), a.checksum());
        m.y[n - 1] = Math.nextUp(m.y[n - 1]);
        assertTrue(c.getValue() != a.checksum(), "the last domain's last bit is covered");
    }
}
