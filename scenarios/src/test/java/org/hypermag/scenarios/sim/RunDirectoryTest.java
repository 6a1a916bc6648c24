package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableData;
import org.hypermag.output.TableWriter;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of small scenarios: the output directory, HDF5 layout, interrupt and resume, failures. */
class RunDirectoryTest {
    @TempDir
    Path dir;

    static final String FILM = """
            name: small-film
            geometry: {grid: {cells: [8, 4, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - relax: {torque_tolerance: 1.0}
              - run: {duration: 40.0e-12, field: {mT: [-50, 10, 5]}}
            output:
              table_interval: 1.0e-12
              frame_interval: 5.0e-12
              fields: [m, demag_field, effective_field, energy_density]
              precision: float64
            """;

    static Scenario parse(String text) {
        return ScenarioParser.parse(text, "test.yaml", Path.of("."), "test");
    }

    static ScenarioRunner.Result run(String text, Path out, boolean resume, BooleanSupplier stop) {
        return new ScenarioRunner(parse(text), new ScenarioRunner.Options(out, resume, false, "test", 1 << 20),
                new ScenarioRunner.Progress() { }, stop).run();
    }

    /** Stops after a number of stop polls (every relaxation iteration, table row, hysteresis point). */
    static BooleanSupplier after(int polls) {
        AtomicInteger n = new AtomicInteger();
        return () -> n.incrementAndGet() > polls;
    }

    /** Asks to stop once the simulated time has passed a value (polled with progress). */
    static final class StopAtTime implements ScenarioRunner.Progress, BooleanSupplier {
        private final double at;
        private volatile double t;

        StopAtTime(double at) {
            this.at = at;
        }

        @Override
        public void running(double time, double start, double end, long steps) {
            t = time;
        }

        @Override
        public boolean getAsBoolean() {
            return t >= at;
        }
    }

    @Test
    void completedRunWritesTheDocumentedLayout() throws IOException {
        Path out = dir.resolve("a");
        ScenarioRunner.Result r = run(FILM, out, false, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        TableData table = TableData.read(out.resolve(RunLayout.TABLE_FILE));
        assertEquals(TableWriter.HEADER, String.join(",", table.columns()));
        assertEquals(1 + 41, table.rows().size(), "relaxed state, then the run stage's start and one row per ps");
        assertEquals(40e-12, table.rows().get(41)[0], 1e-24);
        assertEquals(0, table.rows().get(0)[RunTable.STAGE]);
        assertEquals(1, table.rows().get(1)[RunTable.STAGE], "each stage writes its own rows, even at the same t");
        assertEquals(-50e-3, table.rows().get(1)[RunTable.B_EXT], 1e-15, "the applied field, mu0 H in T");
        assertEquals(0, table.rows().get(0)[RunTable.B_EXT], 0, "no field in the relax stage");
        try (HdfFile h = new HdfFile(out.resolve(RunLayout.RUN_FILE))) {
            assertEquals("hypermag-run", h.getAttribute("format").getData());
            assertEquals(RunLayout.FORMAT_VERSION, h.getAttribute("format_version").getData());
            assertEquals("completed", h.getAttribute("status").getData());
            assertEquals(FILM, ((String[]) h.getDatasetByPath("scenario_text").getData())[0]);
            assertArrayEquals(new String[] {"relax", "run"}, (String[]) h.getDatasetByPath("stages/kind").getData());
            assertArrayEquals(new int[] {1, -1}, (int[]) h.getDatasetByPath("stages/converged").getData());
            assertEquals("exact", h.getAttribute("demag_method").getData());
            assertTrue(((String) h.getAttribute("units").getData()).startsWith("SI"));
            assertArrayEquals(new int[] {32, 3}, h.getDatasetByPath("geometry/centres").getDimensions());
            assertArrayEquals(new int[] {8, 4, 1}, (int[]) h.getByPath("geometry").getAttribute("cells").getData());
            assertEquals(8e5, ((double[]) h.getDatasetByPath("materials/Ms").getData())[0]);
            double[][] t = (double[][]) h.getDatasetByPath("table").getData();
            assertEquals(42, t.length);
            assertArrayEquals(table.rows().get(17), t[17], "run.h5 holds the same table");
            double[] times = (double[]) h.getDatasetByPath("frames/time").getData();
            assertArrayEquals(new double[] {0, 0, 5e-12, 10e-12, 15e-12, 20e-12, 25e-12, 30e-12, 35e-12, 40e-12},
                    times, 1e-24, "relaxed state (t = 0, stage 0), then the run stage every 5 ps from its start");
            assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                    (int[]) h.getDatasetByPath("frames/stage").getData(), "frames are identified by stage");
        }
        RunReader reader = RunReader.open(out);
        assertEquals(10, reader.frameCount());
        try (HdfFile seg = new HdfFile(reader.segments().get(0))) {
            Dataset m = seg.getDatasetByPath("m");
            assertEquals(3, m.getDimensions().length);
            assertEquals(32, m.getDimensions()[1]);
            assertEquals(3, m.getDimensions()[2]);
            assertEquals(double.class, m.getJavaType());
            for (String f : new String[] {"demag_field", "effective_field"}) {
                assertEquals("A/m", seg.getDatasetByPath(f).getAttribute("units").getData());
            }
            assertArrayEquals(new int[] {m.getDimensions()[0], 32, 5},
                    seg.getDatasetByPath("energy_density").getDimensions());
        }
        // the energy densities integrate to the table's energies at a frame time (t = 20 ps: frame 5, row 21)
        int frame = 5;
        double[][][] e;
        int segment = reader.segmentOf(frame), index = reader.indexInSegment(frame);
        try (HdfFile seg = new HdfFile(reader.segments().get(segment))) {
            e = (double[][][]) seg.getDatasetByPath("energy_density").getData();
        }
        double volume = 4e-9 * 4e-9 * 3e-9, ex = 0, dm = 0, ze = 0;
        for (int i = 0; i < 32; i++) {
            ex += e[index][i][0] * volume;
            ze += e[index][i][2] * volume;
            dm += e[index][i][3] * volume;
        }
        double[] row = table.rows().get(21);
        assertEquals(20e-12, row[0], 1e-24);
        assertEquals(row[5], ex, 1e-10 * Math.abs(row[5]));
        assertEquals(row[7], ze, 1e-10 * Math.abs(row[7]));
        assertEquals(row[8], dm, 1e-10 * Math.abs(row[8]));
        for (String f : new String[] {"m.png", "energy.png", RunLayout.SCENARIO_FILE, RunLayout.CHECKPOINT_FILE}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void h5dumpReadsTheFilesAndAgreesWithJhdf() throws Exception {
        boolean required = System.getenv("HYPERMAG_REQUIRE_H5DUMP") != null;
        boolean present = new ProcessBuilder("sh", "-c", "command -v h5dump").start().waitFor() == 0;
        if (required) {
            assertTrue(present, "h5dump is required (HYPERMAG_REQUIRE_H5DUMP is set) but not installed: install "
                    + "Debian's hdf5-tools");
        }
        Assumptions.assumeTrue(present, "h5dump not installed (Debian package hdf5-tools; .ci/run installs it)");
        Path out = dir.resolve("h5");
        run(FILM, out, false, () -> false);
        String header = h5dump("-H", out.resolve(RunLayout.RUN_FILE).toString());
        for (String s : new String[] {"GROUP \"geometry\"", "DATASET \"centres\"", "DATASET \"table\"",
            "DATASET \"scenario_text\"", "GROUP \"materials\"", "GROUP \"frames\"", "GROUP \"stages\""}) {
            assertTrue(header.contains(s), "h5dump -H run.h5 shows " + s);
        }
        Path segment = RunReader.open(out).segments().get(1);
        String dump = h5dump("-d", "/m", "-s", "0,5,0", "-c", "1,1,3", "-y", "-w", "0", "-m", "%.17g", segment.toString());
        String data = dump.substring(dump.indexOf("DATA {") + 6, dump.indexOf("}", dump.indexOf("DATA {")));
        String[] values = data.trim().split("[,\\s]+");
        VectorField m = RunReader.open(out).vectors(RunReader.open(out).indexInSegment(0) + countBefore(out, 1), "m");
        assertEquals(m.x[5], Double.parseDouble(values[0]), 1e-15);
        assertEquals(m.y[5], Double.parseDouble(values[1]), 1e-15);
        assertEquals(m.z[5], Double.parseDouble(values[2]), 1e-15);
    }

    private static int countBefore(Path out, int segment) {
        RunReader r = RunReader.open(out);
        int k = 0;
        while (k < r.frameCount() && r.segmentOf(k) < segment) {
            k++;
        }
        return k;
    }

    private static String h5dump(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "h5dump";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * The table's steps, rejected and evaluations columns: 0 on the relaxation's row and at the run stage's start,
     * never decreasing inside the stage, and on its last row what the stage's summary says it took.
     */
    @Test
    void theTableCountsTheRunStagesStepsRejectionsAndEvaluationsAsItsSummaryDoes() throws IOException {
        Path out = dir.resolve("counted");
        ScenarioRunner.Result r = run(FILM, out, false, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d+) steps in .*?; (\\d+) rejected, (\\d+) evaluations").matcher(r.summaries().get(1));
        assertTrue(m.find(), r.summaries().get(1));
        List<double[]> rows = TableData.read(out.resolve(RunLayout.TABLE_FILE)).rows();
        double[] relaxed = rows.get(0), first = rows.get(1), last = rows.get(rows.size() - 1);
        assertEquals(0, relaxed[RunTable.STAGE]);
        for (int k = 0; k < 3; k++) {
            assertEquals(0, relaxed[RunTable.STEPS + k], "relaxation row, count " + k);
            assertEquals(0, first[RunTable.STEPS + k], "the run stage's first row, count " + k);
            assertEquals(Long.parseLong(m.group(k + 1)), (long) last[RunTable.STEPS + k], "last row, count " + k);
        }
        assertTrue(last[RunTable.STEPS] > 20, "steps " + last[RunTable.STEPS]);
        for (int i = 2; i < rows.size(); i++) {
            for (int k = 0; k < 3; k++) {
                assertTrue(rows.get(i)[RunTable.STEPS + k] >= rows.get(i - 1)[RunTable.STEPS + k], "row " + i);
            }
        }
    }

    @Test
    void interruptedRunResumesToTheSameTrajectoryBitForBit() throws IOException {
        Path whole = dir.resolve("whole"), split = dir.resolve("split");
        run(FILM, whole, false, () -> false);
        StopAtTime stop = new StopAtTime(17e-12);
        ScenarioRunner.Result first = new ScenarioRunner(parse(FILM), new ScenarioRunner.Options(split, false, false,
                "test", 1 << 20), stop, stop).run();
        assertEquals(ScenarioRunner.Status.INTERRUPTED, first.status());
        assertTrue(first.message().contains("--resume"), first.message());
        // rows on disk after the interruption are a prefix of the uninterrupted table
        List<String> full = Files.readAllLines(whole.resolve(RunLayout.TABLE_FILE));
        List<String> part = Files.readAllLines(split.resolve(RunLayout.TABLE_FILE));
        assertTrue(part.size() < full.size() && part.size() > 10, "interrupted with " + part.size() + " lines");
        assertEquals(full.subList(0, part.size()), part);
        try (HdfFile h = new HdfFile(split.resolve(RunLayout.RUN_FILE))) {
            assertEquals("interrupted", h.getAttribute("status").getData());
        }
        int kept = (int) org.hypermag.output.Checkpoint.read(split).tableRows() + 1;
        ScenarioRunner.Result second = run(FILM, split, true, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, second.status(), second.message());
        org.hypermag.scenarios.ResumedTables.assertResumed(full,
                Files.readAllLines(split.resolve(RunLayout.TABLE_FILE)), kept);
        RunReader a = RunReader.open(whole), b = RunReader.open(split);
        assertEquals(a.frameCount(), b.frameCount());
        for (int k = 0; k < a.frameCount(); k++) {
            assertEquals(a.time(k), b.time(k));
            VectorField ma = a.magnetisation(k), mb = b.magnetisation(k);
            assertArrayEquals(ma.x, mb.x, "frame " + k);
            assertArrayEquals(ma.z, mb.z, "frame " + k);
        }
    }

    /**
     * {@code prk48} resumed from a checkpoint: its step cap after a rejection is not in the checkpoint, so the resumed
     * run may step differently for up to 50 steps; the table it completes has the uninterrupted run's rows, each
     * ⟨m⟩ within 1e-4 (the tolerance asked for per step) of it (measured 6.0e-8).
     */
    @Test
    void anInterruptedPartitionedRunResumesAndFollowsTheUninterruptedOne() throws IOException {
        String prk = FILM + "integrator: {method: prk48, tolerance: 1.0e-4}\n";
        Path whole = dir.resolve("prk-whole"), split = dir.resolve("prk-split");
        assertEquals(ScenarioRunner.Status.COMPLETED, run(prk, whole, false, () -> false).status());
        StopAtTime stop = new StopAtTime(17e-12);
        ScenarioRunner.Result first = new ScenarioRunner(parse(prk), new ScenarioRunner.Options(split, false, false,
                "test", 1 << 20), stop, stop).run();
        assertEquals(ScenarioRunner.Status.INTERRUPTED, first.status());
        ScenarioRunner.Result second = run(prk, split, true, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, second.status(), second.message());
        List<double[]> a = TableData.read(whole.resolve(RunLayout.TABLE_FILE)).rows(),
                b = TableData.read(split.resolve(RunLayout.TABLE_FILE)).rows();
        assertEquals(a.size(), b.size());
        double worst = 0;
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k)[RunTable.T], b.get(k)[RunTable.T], 0, "row " + k + "'s time");
            for (int c = RunTable.MX; c < RunTable.MX + 3; c++) {
                worst = Math.max(worst, Math.abs(a.get(k)[c] - b.get(k)[c]));
            }
        }
        System.out.printf("prk48 resumed at 17 ps: largest |<m> - <m>_uninterrupted| %.3g%n", worst);
        assertTrue(worst <= 1e-4, "resumed run's largest deviation " + worst);
    }

    /** prk48 without a demag runs, and says that rk46 would be cheaper there. */
    @Test
    void thePartitionedMethodWithoutADemagRunsAndSaysRk46IsCheaper() {
        String text = FILM + "demag: {method: none}\nintegrator: {method: prk48}\n";
        List<String> notes = new java.util.ArrayList<>();
        ScenarioRunner.Result r = new ScenarioRunner(parse(text), new ScenarioRunner.Options(dir.resolve("no-demag"),
                false, false, "test", 1 << 20), new ScenarioRunner.Progress() {
                    @Override
                    public void note(String t) {
                        notes.add(t);
                    }
                }, () -> false).run();
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("integrator: prk48") && n.contains("rk46")),
                notes.toString());
    }

    static final String LOOP = """
            name: loop
            geometry: {prisms: {list: [{centre: [0, 0, 0], size: [4.0e-9, 4.0e-9, 4.0e-9]},
                                       {centre: [6.0e-9, 0, 0], size: [4.0e-9, 3.0e-9, 2.0e-9]}]}}
            materials: [{region: 0, Ms: 8.0e5, A: 0, K1: 4.0e5, anisotropy_axis: [1, 0.1, 0], alpha: 1}]
            initial: {uniform: [1, 0, 0]}
            stages:
              - hysteresis: {from: {mT: [1200, 0, 0]}, to: {mT: [-1200, 0, 0]}, steps: 12, frames: true}
            """;

    @Test
    void interruptedHysteresisResumesAtTheNextFieldPoint() throws IOException {
        Path whole = dir.resolve("lw"), split = dir.resolve("ls");
        run(LOOP, whole, false, () -> false);
        assertEquals(ScenarioRunner.Status.INTERRUPTED, run(LOOP, split, false, after(5)).status());
        assertEquals(ScenarioRunner.Status.COMPLETED, run(LOOP, split, true, () -> false).status());
        assertEquals(Files.readAllLines(whole.resolve("hysteresis.csv")),
                Files.readAllLines(split.resolve("hysteresis.csv")));
        assertEquals(Files.readAllLines(whole.resolve(RunLayout.TABLE_FILE)),
                Files.readAllLines(split.resolve(RunLayout.TABLE_FILE)));
        TableData h = TableData.read(whole.resolve("hysteresis.csv"));
        assertEquals(25, h.rows().size(), "12 steps down, 12 back");
        assertTrue(h.rows().get(0)[5] > 0.9 && h.rows().get(12)[5] < -0.9, "saturated at both ends");
        assertTrue(Files.size(whole.resolve("hysteresis.png")) > 0);
    }

    @Test
    void interruptedRelaxationRestartsTheStageOnResume() throws IOException {
        Path whole = dir.resolve("rw"), split = dir.resolve("rs");
        run(FILM, whole, false, () -> false);
        ScenarioRunner.Result r = run(FILM, split, false, after(3));
        assertEquals(ScenarioRunner.Status.INTERRUPTED, r.status());
        assertEquals(List.of(TableWriter.HEADER), Files.readAllLines(split.resolve(RunLayout.TABLE_FILE)),
                "no row before the relaxation finished");
        assertEquals(ScenarioRunner.Status.COMPLETED, run(FILM, split, true, () -> false).status());
        assertEquals(Files.readAllLines(whole.resolve(RunLayout.TABLE_FILE)),
                Files.readAllLines(split.resolve(RunLayout.TABLE_FILE)));
    }

    @Test
    void failedStepKeepsTheRowsAndFramesWrittenBeforeIt() throws IOException {
        // a field that jumps to 1e300 A/m after 20 ps overflows the fixed-step update to infinity
        String blowUp = FILM.replace("precision: float64", "precision: float64\nintegrator: {method: heun, step: "
                + "1.0e-13}").replace("field: {mT: [-50, 10, 5]}", "field: {table: {unit: A_per_m, times: [0, "
                + "2.0e-11, 2.1e-11], values: [[-4.0e4, 8.0e3, 4.0e3], [-4.0e4, 8.0e3, 4.0e3], [1.0e300, 0, 0]]}}");
        Path out = dir.resolve("fail");
        ScenarioRunner.Result r = run(blowUp, out, false, () -> false);
        assertEquals(ScenarioRunner.Status.FAILED, r.status());
        assertTrue(r.message().contains("non-finite") && r.message().contains("domain"), r.message());
        TableData table = TableData.read(out.resolve(RunLayout.TABLE_FILE));
        RunReader reader = RunReader.open(out);
        double lastRow = table.rows().get(table.rows().size() - 1)[0];
        assertEquals(20e-12, lastRow, 1e-24, "every row up to the last output before the failure");
        assertEquals(6, reader.frameCount(), "the relaxed state, then frames at 0, 5, 10, 15 and 20 ps are kept");
        assertEquals(20e-12, reader.time(5), 1e-24);
        try (HdfFile h = new HdfFile(out.resolve(RunLayout.RUN_FILE))) {
            assertEquals("failed", h.getAttribute("status").getData());
        }
    }

    @Test
    void anEarlierRunIsNotOverwrittenUnlessAsked() {
        Path out = dir.resolve("twice");
        run(FILM, out, false, () -> false);
        ScenarioRunner.SetupException e = assertThrows(ScenarioRunner.SetupException.class,
                () -> run(FILM, out, false, () -> false));
        assertTrue(e.getMessage().contains("already holds a run") && e.getMessage().contains("--overwrite"));
        assertEquals(ScenarioRunner.Status.COMPLETED, new ScenarioRunner(parse(FILM), new ScenarioRunner.Options(out,
                false, true, "test", 1 << 20), new ScenarioRunner.Progress() { }, () -> false).run().status());
    }

    @Test
    void aLaterScenarioStartsFromAFrameOfAnEarlierRun() {
        Path first = dir.resolve("first");
        run(FILM, first, false, () -> false);
        String next = FILM.replace("initial: {uniform: [1, 0.3, 0.1]}", "initial: {file: {path: \""
                + first.toAbsolutePath().toString().replace("\\", "/") + "\", frame: last}}")
                .replace("- relax: {torque_tolerance: 1.0}\n", "");
        Path second = dir.resolve("second");
        run(next, second, false, () -> false);
        VectorField end = RunReader.open(first).magnetisation(-1), start = RunReader.open(second).magnetisation(0);
        assertArrayEquals(end.x, start.x, 1e-15);
        assertFalse(RunReader.open(second).frameCount() == 0);
    }
}
