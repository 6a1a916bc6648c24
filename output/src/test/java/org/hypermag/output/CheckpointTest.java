package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
