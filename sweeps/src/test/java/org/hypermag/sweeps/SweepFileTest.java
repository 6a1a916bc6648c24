package org.hypermag.sweeps;

import static org.hypermag.sweeps.SweepTestSupport.run;
import static org.hypermag.sweeps.SweepTestSupport.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.scenarios.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: the variants they make, and bad files refused with every problem at its line and column. */
class SweepFileTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String text) {
        Path f = sweepFile(dir, "bad.yaml", text);
        SweepException e = assertThrows(SweepException.class, () -> SweepPlan.variants(SweepFile.parse(f), l -> { }));
        return e.problems();
    }

    private static String all(List<Problem> ps) {
        StringBuilder b = new StringBuilder();
        for (Problem p : ps) {
            b.append(p).append('\n');
        }
        return b.toString();
    }

    @Test
    void productsZipsRangesAndSeedsMakeTheVariantsInOrder() {
        Path f = sweepFile(dir, "ok.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].alpha\n    range: {from: 0.01, to: 1, count: 3, scale: log}\n"
                + "  - key: materials[0].K1\n    range: {from: 1.0e5, to: 3.0e5, count: 3}\n");
        SweepSpec spec = SweepFile.parse(f);
        List<SweepPlan.Variant> v = SweepPlan.variants(spec, l -> { });
        assertEquals(9, v.size());
        // the last axis varies fastest
        assertEquals(Map.of("materials[0].alpha", "0.01", "materials[0].K1", "100000.0"), v.get(0).params());
        assertEquals(Map.of("materials[0].alpha", "0.1", "materials[0].K1", "300000.0"), v.get(5).params());
        assertEquals("v0009", v.get(8).id());
        assertTrue(v.get(4).text().contains("K1: 200000.0") && v.get(4).text().contains("threads: 1"),
                v.get(4).text());

        f = sweepFile(dir, "zip.yaml", "base: small-granular.yaml\nzip: true\nthreads_per_variant: 2\nvary:\n"
                + "  - key: materials[0].K1\n    values: [1.0e5, 2.0e5, 3.0e5]\n"
                + "  - key: geometry.granular_film.seed\n    seeds: {first: 7, count: 3}\n");
        v = SweepPlan.variants(SweepFile.parse(f), l -> { });
        assertEquals(3, v.size());
        Map<String, String> last = new LinkedHashMap<>();
        last.put("materials[0].K1", "300000.0");
        last.put("geometry.granular_film.seed", "9");
        assertEquals(last, v.get(2).params());
        assertTrue(v.get(2).text().contains("threads: 2"), v.get(2).text());
    }

    @Test
    void aKeyTheBaseLeavesAtItsDefaultCanBeVaried() {
        Path f = sweepFile(dir, "t.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: seed\n    values: [1, 2]\n");
        List<SweepPlan.Variant> v = SweepPlan.variants(SweepFile.parse(f), l -> { });
        assertTrue(v.get(1).text().contains("seed: 2"), v.get(1).text());
        // a key whose section then needs another: the problem is placed at the varied key's line
        Path g = sweepFile(dir, "t2.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: stages[0].hysteresis.temperature\n    values: [0, 300]\n");
        SweepException e = assertThrows(SweepException.class, () -> SweepPlan.variants(SweepFile.parse(g), l -> { }));
        assertTrue(e.problems().get(0).toString().contains("t2.yaml:3:5: vary[0] (stages[0].hysteresis.temperature): "
                + "variant v0002") && e.problems().get(0).toString().contains("give rate"), e.problems().toString());
    }

    @Test
    void unknownKeyPathsAreRefusedAtTheirLineWithTheVariant() {
        List<Problem> ps = problems("base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].K1\n    values: [1.0e5]\n"
                + "  - key: materials[0].Kx\n    values: [1, 2]\n"
                + "  - key: materials[3].K1\n    values: [1]\n");
        String text = all(ps);
        assertTrue(text.contains("bad.yaml:5:5: vary[1] (materials[0].Kx): variant v0001"), text);
        assertTrue(text.contains("unknown key"), text);
        assertTrue(text.contains("bad.yaml:7:5: vary[2] (materials[3].K1)") && text.contains("has 1 item(s)"), text);
    }

    @Test
    void emptyRangesMissingBasesAndBadValuesAreAllListedAtOnce() {
        List<Problem> ps = problems("base: nowhere.yaml\nretries: 99\nspeed: fast\nvary:\n"
                + "  - key: materials[0].K1\n    range: {from: 1, to: 2, count: 0}\n"
                + "  - key: temperature\n    values: []\n"
                + "  - key: materials[0].alpha\n    range: {from: 0, to: 1, count: 3, scale: log}\n"
                + "  - key: 'materials[0]..K1'\n    values: [1]\n");
        String text = all(ps);
        assertTrue(text.contains("bad.yaml:1:7: base: 'nowhere.yaml': no such file"), text);
        assertTrue(text.contains("bad.yaml:2:10: retries: '99'; expected a whole number from 0 to 10"), text);
        assertTrue(text.contains("bad.yaml:3:1: speed: unknown key"), text);
        assertTrue(text.contains("bad.yaml:6:36: vary[0].range.count: 0: an empty range"), text);
        assertTrue(text.contains("bad.yaml:8:13: vary[1].values: expected a non-empty list"), text);
        assertTrue(text.contains("vary[2].range: scale: log needs from and to above 0"), text);
        assertTrue(text.contains("vary[3].key: 'materials[0]..K1' is not a key path"), text);
    }

    @Test
    void aVariantThatFailsCheckIsRefusedAtItsKeysLineBeforeAnythingRuns() throws Exception {
        Path f = sweepFile(dir, "neg.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].alpha\n    values: [0.5, -1]\n");
        Path out = dir.resolve("out");
        SweepTestSupport.Outcome o = run(new SweepCommand(), f.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("neg.yaml:3:5: vary[0] (materials[0].alpha): variant v0002 "
                + "{materials[0].alpha=-1}: materials[0].alpha"), o.err());
        assertFalse(o.err().contains("v0001"), "the good variant has no problem: " + o.err());
        assertFalse(Files.exists(out), "nothing was written");
        o = run(new SweepCommand(), f.toString(), "--check");
        assertEquals(2, o.code());
        Path good = sweepFile(dir, "good.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].alpha\n    values: [0.5, 1]\n");
        o = run(new SweepCommand(), good.toString(), "--check");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok: 2 variants"), o.out());
    }

    @Test
    void anEarlierSweepIsNotOverwrittenWithoutResume() throws Exception {
        Path f = sweepFile(dir, "one.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].alpha\n    values: [1]\n");
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(VariantResult.DIR));
        SweepTestSupport.Outcome o = run(new SweepCommand(), f.toString(), "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("holds an earlier sweep; continue it with --resume"), o.err());
        o = run(new SweepCommand(), f.toString(), "--out", dir.resolve("none").toString(), "--resume");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("holds no sweep to resume"), o.err());
    }

    @Test
    void keyPathsSetValuesAndSayWhereTheTreeDoesNotFit() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> materials = new ArrayList<>();
        materials.add(new LinkedHashMap<String, Object>());
        root.put("materials", materials);
        KeyPath.parse("materials[0].K1").set(root, 5.0);
        KeyPath.parse("compute.threads").set(root, 2);
        assertEquals("{materials=[{K1=5.0}], compute={threads=2}}", root.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyPath.parse("materials[0].K1[2]").set(root, 1));
        assertTrue(e.getMessage().contains("'materials[0].K1' is not a list"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyPath.parse("a.[0]"));
        assertTrue(KeyPath.parse("materials[0]").covers("materials[0].K1"));
        assertFalse(KeyPath.parse("materials[0].K").covers("materials[0].K1"));
    }

    @Test
    void aMasterSparkCannotUseIsRefusedBeforeAnythingIsWritten() {
        Path f = sweepFile(dir, "one.yaml", "base: small-granular.yaml\nvary:\n"
                + "  - key: materials[0].alpha\n    values: [1]\n");
        Path out = dir.resolve("out");
        SweepTestSupport.Outcome o = run(new SweepCommand(), f.toString(), "--out", out.toString(), "--master",
                "yarn");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Spark master 'yarn': expected local"), o.err());
        assertFalse(Files.exists(out));
        for (String m : new String[] {"local", "local[4]", "local[*]", "local[2,3]", "local-cluster[2,1,1024]",
            "spark://h1:7077", "spark://h1:7077,h2:7077", "k8s://https://10.0.0.1:6443"}) {
            assertTrue(SweepRunner.validMaster(m), m);
        }
        // more threads per variant than a local master has slots: no variant could start, so it is refused
        Path wide = sweepFile(dir, "wide.yaml", "base: small-granular.yaml\nthreads_per_variant: 4\nvary:\n"
                + "  - key: materials[0].alpha\n    values: [1]\n");
        o = run(new SweepCommand(), wide.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("gives 2 slot(s) per process, fewer than threads_per_variant = 4"), o.err());
        assertFalse(Files.exists(out));
        assertEquals(3, SweepRunner.localSlots("local-cluster[2,3,1024]"));
        assertEquals(0, SweepRunner.localSlots("spark://h1:7077"));
    }

    @Test
    void theKubernetesSchedulerIsOnTheClassPath() {
        // what SparkContext asks for a k8s:// master: a cluster manager that can create it (no cluster contacted)
        boolean found = false;
        for (org.apache.spark.scheduler.ExternalClusterManager m : java.util.ServiceLoader.load(
                org.apache.spark.scheduler.ExternalClusterManager.class)) {
            found |= m.canCreate("k8s://https://10.0.0.1:6443");
        }
        assertTrue(found, "spark-kubernetes registers its cluster manager");
    }
}
