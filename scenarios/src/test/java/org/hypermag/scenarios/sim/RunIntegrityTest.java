package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunLock;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run keeps and refuses (issue: run integrity): frames per stage and per hysteresis point, one writer per
 * directory, long scenario texts, verified resumes, recorded convergence.
 */
class RunIntegrityTest {
    @TempDir
    Path dir;

    /** A macrospin-like film with easy-axis anisotropy: a square loop along x. */
    static final String LOOP = """
            name: loop
            geometry: {grid: {cells: [3, 2, 1], cell_size: [4.0e-9, 4.0e-9, 4.0e-9]}}
            materials: [{Ms: 8.0e5, A: 1.3e-11, alpha: 1.0, K1: 2.0e5, anisotropy_axis: [1, 0, 0]}]
            initial: {uniform: [1, 0.01, 0]}
            demag: {method: none}
            stages:
              - hysteresis: {from: {mT: [600, 5, 0]}, to: {mT: [-600, 5, 0]}, steps: 10, frames: true}
              - relax: {field: {mT: [0, 5, 0]}}
            """;

    static Scenario parse(String text) {
        return ScenarioParser.parse(text, "test.yaml", Path.of("."), "test");
    }

    static ScenarioRunner.Result run(String text, Path out) {
        return new ScenarioRunner(parse(text), new ScenarioRunner.Options(out, false, false, "test", 1 << 20),
                new ScenarioRunner.Progress() { }, () -> false).run();
    }

    @Test
    void aHysteresisWithFramesGivesOneFramePerFieldPointAndEveryStageEndsWithItsFinalState() throws IOException {
        Path out = dir.resolve("loop");
        assertEquals(ScenarioRunner.Status.COMPLETED, run(LOOP, out).status());
        RunReader r = RunReader.open(out);
        assertEquals(21 + 1, r.frameCount(), "21 field points, then the relax stage's final state");
        for (int k = 0; k < 21; k++) {
            assertEquals(0, r.stage(k));
            assertEquals(k, r.point(k), "each frame records its field point");
        }
        assertEquals(1, r.stage(21));
        assertEquals(-1, r.point(21));
        TableData hyst = TableData.read(out.resolve("hysteresis.csv"));
        VectorField atFlip = r.magnetisation(10);
        assertTrue(atFlip.x[0] < -0.99, "the frame of point 10 (-600 mT) is the reversed state: " + atFlip.x[0]);
        assertEquals(hyst.column("mx")[10], average(atFlip), 1e-6, "frame and table agree at point 10");
        // the relax stage ended at the same time as the loop: its frame is kept, and it is the final state
        TableData table = TableData.read(out.resolve(RunLayout.TABLE_FILE));
        double[] last = table.rows().get(table.rows().size() - 1);
        assertEquals(last[1], average(r.magnetisation(-1)), 1e-6);
        // a later scenario starting from frame "last" gets that final state, not an earlier frame at the same time
        Path next = dir.resolve("next");
        String from = LOOP.replace("initial: {uniform: [1, 0.01, 0]}", "initial: {file: {path: \""
                + out.toAbsolutePath().toString().replace("\\", "/") + "\", frame: last}}")
                .replace("stages:\n  - hysteresis: {from: {mT: [600, 5, 0]}, to: {mT: [-600, 5, 0]}, steps: 10, "
                        + "frames: true}\n  - relax: {field: {mT: [0, 5, 0]}}", "stages: [{run: {duration: 1.0e-13}}]");
        assertEquals(ScenarioRunner.Status.COMPLETED, run(from, next).status());
        assertArrayEquals(r.magnetisation(-1).x, RunReader.open(next).magnetisation(0).x, 1e-6,
                "the run stage's first frame is the earlier run's last (float32 frames)");
        try (HdfFile h = new HdfFile(out.resolve(RunLayout.RUN_FILE))) {
            int[] points = (int[]) h.getDatasetByPath("frames/point").getData();
            assertEquals(22, points.length);
            assertEquals(20, points[20]);
        }
    }

    private static double average(VectorField m) {
        double s = 0;
        for (int i = 0; i < m.size(); i++) {
            s += m.x[i];
        }
        return s / m.size();
    }

    @Test
    void aDirectoryHasOneWriterAndASecondIsRefusedWithTheHoldersProcessId() {
        Path out = dir.resolve("locked");
        try (RunLock held = RunLock.acquire(out, "another run")) {
            for (boolean overwrite : new boolean[] {false, true}) {
                ScenarioRunner.SetupException e = assertThrows(ScenarioRunner.SetupException.class,
                        () -> new ScenarioRunner(parse(LOOP), new ScenarioRunner.Options(out, false, overwrite, "test",
                                1 << 20), new ScenarioRunner.Progress() { }, () -> false).run());
                assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("pid "
                        + ProcessHandle.current().pid()) && e.getMessage().contains("another run"), e.getMessage());
            }
            assertFalse(Files.exists(out.resolve(RunLayout.TABLE_FILE)), "nothing was written");
        }
        assertEquals(ScenarioRunner.Status.COMPLETED, run(LOOP, out).status(), "free again once released");
    }

    @Test
    void twoRunsStartedTogetherOnOneDirectoryLeaveOneCompleteRunAndOneRefusal() throws Exception {
        Path out = dir.resolve("race");
        String slow = LOOP.replace("steps: 10", "steps: 200");
        List<Object> results = new ArrayList<>();
        Thread[] t = new Thread[2];
        for (int k = 0; k < 2; k++) {
            t[k] = new Thread(() -> {
                Object r;
                try {
                    r = run(slow, out).status();
                } catch (ScenarioRunner.SetupException e) {
                    r = e.getMessage();
                }
                synchronized (results) {
                    results.add(r);
                }
            });
            t[k].start();
        }
        for (Thread x : t) {
            x.join(120_000);
        }
        long completed = results.stream().filter(r -> r == ScenarioRunner.Status.COMPLETED).count();
        assertTrue(completed >= 1, results.toString());
        for (Object r : results) {
            assertTrue(r == ScenarioRunner.Status.COMPLETED || r.toString().contains("being written by another")
                    || r.toString().contains("already holds a run"), r.toString());
        }
        TableData table = TableData.read(out.resolve(RunLayout.TABLE_FILE));
        assertEquals(401 + 1, table.rows().size(), "one run's rows, complete and not interleaved");
        assertEquals(402, RunReader.open(out).frameCount());
    }

    @Test
    void aOneMegabyteScenarioIsStoredAsDatasetsAndTheRunResumes() throws IOException {
        StringBuilder big = new StringBuilder(LOOP.replace("name: loop\n", "name: big\ndescription: >-\n"));
        // about 1 MB of description, folded over lines of 1000 characters
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < 1000; k++) {
            d.append("  ").append("word ".repeat(200)).append('\n');
        }
        String text = big.toString().replace("description: >-\n", "description: >-\n" + d);
        assertTrue(text.length() > 1_000_000);
        Path out = dir.resolve("big");
        AtomicInteger polls = new AtomicInteger();
        ScenarioRunner.Result first = new ScenarioRunner(parse(text), new ScenarioRunner.Options(out, false, false,
                "test", 1 << 20), new ScenarioRunner.Progress() { }, () -> polls.incrementAndGet() > 5).run();
        assertEquals(ScenarioRunner.Status.INTERRUPTED, first.status());
        try (HdfFile h = new HdfFile(out.resolve(RunLayout.RUN_FILE))) {
            assertEquals(text, ((String[]) h.getDatasetByPath("scenario_text").getData())[0]);
        }
        ScenarioRunner.Result resumed = new ScenarioRunner(parse(text), new ScenarioRunner.Options(out, true, false,
                "test", 1 << 20), new ScenarioRunner.Progress() { }, () -> false).run();
        assertEquals(ScenarioRunner.Status.COMPLETED, resumed.status(), resumed.message());
    }

    /**
     * Runs LOOP stopping after field point 6 of the hysteresis, one frame per segment, so the directory has six
     * segments and a checkpoint naming them.
     */
    private Path interrupted(String name) {
        Path out = dir.resolve(name);
        boolean[] stop = {false};
        ScenarioRunner.Result r = new ScenarioRunner(parse(LOOP), new ScenarioRunner.Options(out, false, false, "test",
                1), new ScenarioRunner.Progress() {
                    @Override
                    public void point(int point, int points) {
                        stop[0] |= point == 6;
                    }
                }, () -> stop[0]).run();
        assertEquals(ScenarioRunner.Status.INTERRUPTED, r.status());
        assertEquals(6, RunReader.open(out).frameCount());
        return out;
    }

    private ScenarioRunner.SetupException resumeRefused(Path out) {
        return assertThrows(ScenarioRunner.SetupException.class, () -> new ScenarioRunner(parse(LOOP),
                new ScenarioRunner.Options(out, true, false, "test", 1), new ScenarioRunner.Progress() { },
                () -> false).run());
    }

    @Test
    void resumingADirectoryWithADeletedSegmentIsRefusedSayingWhatIsDamaged() throws IOException {
        Path out = interrupted("deleted");
        Files.delete(RunLayout.segment(out, 1));
        ScenarioRunner.SetupException e = resumeRefused(out);
        assertTrue(e.getMessage().contains("segment-00001.h5 is missing") && e.getMessage().contains("--overwrite"),
                e.getMessage());
    }

    @Test
    void resumingADirectoryWithATruncatedSegmentIsRefused() throws IOException {
        Path out = interrupted("truncated-segment");
        truncate(RunLayout.segment(out, 0));
        ScenarioRunner.SetupException e = resumeRefused(out);
        assertTrue(e.getMessage().contains("segment-00000.h5 is damaged"), e.getMessage());
    }

    @Test
    void resumingFromATruncatedCheckpointIsRefusedNotReadAsValid() throws IOException {
        Path out = interrupted("truncated-checkpoint");
        truncate(out.resolve(RunLayout.CHECKPOINT_FILE));
        ScenarioRunner.SetupException e = resumeRefused(out);
        assertTrue(e.getMessage().contains("checkpoint.h5") && e.getMessage().contains("damaged")
                && e.getMessage().contains("--overwrite"), e.getMessage());
    }

    @Test
    void aCheckpointWhoseMagnetisationWasAlteredFailsItsChecksum() throws IOException {
        Path out = interrupted("altered");
        Path cp = out.resolve(RunLayout.CHECKPOINT_FILE);
        byte[] bytes = Files.readAllBytes(cp);
        // flip one bit in the last kilobyte (the m dataset is written last)
        bytes[bytes.length - 200] ^= 0x10;
        Files.write(cp, bytes);
        ScenarioRunner.SetupException e = resumeRefused(out);
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void resumingAFinishedRunIsRefused() {
        Path out = dir.resolve("finished");
        run(LOOP, out);
        ScenarioRunner.SetupException e = resumeRefused(out);
        assertTrue(e.getMessage().contains("has completed all 2 stages") && e.getMessage().contains("--overwrite"),
                e.getMessage());
    }

    @Test
    void aDirectoryKilledBeforeItsFirstCheckpointSaysOverwriteNotResume() throws IOException {
        Path out = dir.resolve("early");
        Files.createDirectories(out);
        Files.writeString(out.resolve(RunLayout.TABLE_FILE), "t,mx\n", StandardCharsets.UTF_8);
        ScenarioRunner.SetupException e = assertThrows(ScenarioRunner.SetupException.class, () -> run(LOOP, out));
        assertTrue(e.getMessage().contains("cannot be continued") && e.getMessage().contains("--overwrite")
                && !e.getMessage().contains("continue it with --resume"), e.getMessage());
    }

    @Test
    void aHysteresisPointThatStopsAboveItsToleranceIsRecordedAsNotConverged() throws IOException {
        Path out = dir.resolve("unconverged");
        List<String> notes = new ArrayList<>();
        String capped = LOOP.replace("frames: true}", "frames: true, max_iterations: 2, torque_tolerance: 1.0e-6}");
        ScenarioRunner.Result r = new ScenarioRunner(parse(capped), new ScenarioRunner.Options(out, false, false,
                "test", 1 << 20), new ScenarioRunner.Progress() {
                    @Override
                    public void note(String text) {
                        notes.add(text);
                    }
                }, () -> false).run();
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status());
        TableData hyst = TableData.read(out.resolve("hysteresis.csv"));
        double[] converged = hyst.column("converged"), iterations = hyst.column("iterations");
        assertTrue(converged[0] == 0 && iterations[0] == 2, "point 0 stopped at the limit");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("warning: stage 1 (hysteresis) field point 0")),
                notes.toString());
        assertTrue(r.summaries().get(0).contains("NOT converged"), r.summaries().get(0));
        try (HdfFile h = new HdfFile(out.resolve(RunLayout.RUN_FILE))) {
            int[] c = (int[]) h.getDatasetByPath("stages/converged").getData();
            assertEquals(0, c[0], "run.h5 records the stage as not converged");
        }
    }

    private static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }
}
