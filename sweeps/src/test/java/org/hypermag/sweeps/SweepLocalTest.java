package org.hypermag.sweeps;

import static org.hypermag.sweeps.SweepTestSupport.assertSameLoop;
import static org.hypermag.sweeps.SweepTestSupport.csv;
import static org.hypermag.sweeps.SweepTestSupport.eight;
import static org.hypermag.sweeps.SweepTestSupport.run;
import static org.hypermag.sweeps.SweepTestSupport.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.output.FrameSegmentWriter;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on Spark's in-process master (local[N]): the variants' results equal running each alone, a failing variant is
 * retried and reported while the others complete, and a stopped sweep resumes only what was missing.
 */
class SweepLocalTest {
    @TempDir
    Path dir;

    @Test
    void eightVariantsOnLocalTwoGiveEightRowsEachEqualToRunningItAlone() throws Exception {
        Path file = sweepFile(dir, "eight.yaml", eight(""));
        Path out = dir.resolve("out");
        SweepTestSupport.Outcome o = run(new SweepCommand(), file.toString(), "--master", "local[2]", "--out",
                out.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        List<String[]> rows = csv(out.resolve(SweepSummary.CSV));
        assertEquals(9, rows.size(), "a header and 8 rows");
        List<String> header = List.of(rows.get(0));
        assertEquals(List.of("variant", "materials[0].K1", "geometry.granular_film.seed", "status"),
                header.subList(0, 4));
        SweepSpec spec = SweepFile.parse(file);
        List<SweepPlan.Variant> variants = SweepPlan.variants(spec, l -> { });
        Map<String, Double> hcByK1 = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            String[] r = rows.get(i + 1);
            SweepPlan.Variant v = variants.get(i);
            assertEquals(v.id(), r[0]);
            assertEquals("completed", r[3], String.join(",", r));
            // the same variant run alone, with the ordinary runner
            Path alone = dir.resolve("alone-" + v.id());
            ScenarioRunner.Result res = new ScenarioRunner(SweepPlan.scenario(spec, v), new ScenarioRunner.Options(
                    alone, false, false, "test", FrameSegmentWriter.DEFAULT_SEGMENT_BYTES),
                    new ScenarioRunner.Progress() { }, () -> false).run();
            assertEquals(ScenarioRunner.Status.COMPLETED, res.status());
            assertSameLoop(out.resolve(VariantTask.RUNS).resolve(v.id()), alone, v.id());
            double hc = Double.parseDouble(r[header.indexOf("Hc_mT")]);
            assertTrue(hc > 100 && hc < 2000, "a coercive field of a few hundred mT: " + hc);
            hcByK1.merge(r[1], hc, Double::sum);
        }
        // the anisotropy field 2 K1 / Ms sets the switching field: twice K1, about twice Hc (sums of 4 seeds)
        double ratio = hcByK1.get("200000.0") / hcByK1.get("100000.0");
        assertTrue(ratio > 1.6 && ratio < 2.6, "Hc(2e5) / Hc(1e5) = " + ratio);
        assertTrue(Files.isRegularFile(out.resolve(SweepSummary.H5)));
        assertTrue(Files.isRegularFile(out.resolve("variants").resolve("v0008.yaml")));
    }

    @Test
    void aFailingVariantIsRetriedAndReportedWhileTheOthersCompleteAndResumeRunsItAlone() throws Exception {
        Path file = sweepFile(dir, "eight.yaml", eight("retries: 1\n"));
        Path out = dir.resolve("out");
        // v0003's run directory cannot be made: a plain file stands where it goes
        Files.createDirectories(out.resolve(VariantTask.RUNS));
        Files.writeString(out.resolve(VariantTask.RUNS).resolve("v0003"), "in the way\n");
        SweepTestSupport.Outcome o = run(new SweepCommand(), file.toString(), "--master", "local[2]", "--out",
                out.toString());
        assertEquals(SweepRunner.SOME_FAILED, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("v0003 failed after 2 attempt(s)"), o.out());
        List<String[]> rows = csv(out.resolve(SweepSummary.CSV));
        for (int i = 1; i <= 8; i++) {
            assertEquals(i == 3 ? "failed" : "completed", rows.get(i)[3], String.join(",", rows.get(i)));
        }
        assertEquals("2", rows.get(3)[4], "one retry");
        assertTrue(rows.get(3)[rows.get(3).length - 1].contains("v0003"), "the message names the cause: "
                + String.join(",", rows.get(3)));
        long before = Files.getLastModifiedTime(VariantResult.file(out, "v0001")).toMillis();
        String first = Files.readString(VariantResult.file(out, "v0001"));
        // the obstacle removed, a resumed sweep runs v0003 only
        Files.delete(out.resolve(VariantTask.RUNS).resolve("v0003"));
        o = run(new SweepCommand(), file.toString(), "--master", "local[2]", "--out", out.toString(), "--resume");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("7 already completed"), o.out());
        assertEquals(first, Files.readString(VariantResult.file(out, "v0001")), "completed variants are kept");
        assertEquals(before, Files.getLastModifiedTime(VariantResult.file(out, "v0001")).toMillis());
        for (String[] r : csv(out.resolve(SweepSummary.CSV)).subList(1, 9)) {
            assertEquals("completed", r[3], String.join(",", r));
        }
    }

    @Test
    void aStoppedSweepResumesOnlyWhatWasMissing() throws Exception {
        // four variants of a second or two each, one at a time
        Path file = sweepFile(dir, "four.yaml", "base: small-granular-run.yaml\nvary:\n"
                + "  - key: geometry.granular_film.seed\n    seeds: {first: 1, count: 4}\n");
        Path out = dir.resolve("out");
        SweepCommand c = new SweepCommand();
        Thread stopper = new Thread(() -> {
            // stop as soon as v0002 has started: it stops at its first safe point (however fast the machine)
            try {
                while (!running(out, "v0002")) {
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.requestStop();
        });
        stopper.start();
        SweepTestSupport.Outcome o = run(c, file.toString(), "--master", "local[1]", "--out", out.toString());
        stopper.join();
        assertEquals(SweepRunner.STOPPED, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("stopping"), o.out());
        List<String[]> rows = csv(out.resolve(SweepSummary.CSV));
        int status = List.of(rows.get(0)).indexOf("status");
        List<String> states = new java.util.ArrayList<>();
        for (String[] r : rows.subList(1, 5)) {
            states.add(r[status]);
        }
        assertEquals(List.of("completed", "interrupted", "not started", "not started"), states, o.out());
        assertTrue(!Files.exists(out.resolve(VariantTask.STOP_FILE)), "the stop file is removed");
        String first = Files.readString(VariantResult.file(out, "v0001"));
        int kept = (int) org.hypermag.output.Checkpoint.read(out.resolve(VariantTask.RUNS).resolve("v0002")).tableRows()
                + 1;
        o = run(new SweepCommand(), file.toString(), "--master", "local[2]", "--out", out.toString(), "--resume");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("1 already completed"), o.out());
        assertEquals(first, Files.readString(VariantResult.file(out, "v0001")), "v0001 is not run again");
        for (String[] r : csv(out.resolve(SweepSummary.CSV)).subList(1, 5)) {
            assertEquals("completed", r[status], String.join(",", r));
        }
        // v0002 continued from its checkpoint: the same trajectory as a run that was never stopped
        SweepSpec spec = SweepFile.parse(file);
        SweepPlan.Variant v2 = SweepPlan.variants(spec, l -> { }).get(1);
        Path alone = dir.resolve("alone");
        new ScenarioRunner(SweepPlan.scenario(spec, v2), new ScenarioRunner.Options(alone, false, false, "test",
                FrameSegmentWriter.DEFAULT_SEGMENT_BYTES), new ScenarioRunner.Progress() { }, () -> false).run();
        // (its evaluations count the resume's)
        org.hypermag.scenarios.ResumedTables.assertResumed(Files.readAllLines(alone.resolve("table.csv")),
                Files.readAllLines(out.resolve(VariantTask.RUNS).resolve("v0002").resolve("table.csv")), kept);
    }

    private static boolean running(Path out, String id) {
        try {
            VariantResult r = VariantResult.read(out, id);
            return r != null && r.status().equals(VariantResult.RUNNING);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
