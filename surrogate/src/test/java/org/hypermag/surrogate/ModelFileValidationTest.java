package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files are validated on load, before anything is allocated from them or computed with them: a damaged or
 * edited file is refused with the file, the attribute or dataset and what is wrong; a damaged cache entry is
 * discarded and fitted again.
 */
class ModelFileValidationTest {
    @TempDir
    Path dir;

    static final RegularGrid GRID = new RegularGrid(12, 6, 1, 4e-9, 4e-9, 3e-9);
    static final FarFieldSettings FAST = new FarFieldSettings(4, 6, 4);

    static ModelFile good() {
        return FarFieldModel.fitGrid(GRID, FAST, FarFieldModel.Progress.NONE).toFile(Map.of(), Map.of());
    }

    static ModelFile with(ModelFile f, String attribute, double[] value, String dataset, double[][] data) {
        Map<String, double[]> numbers = new LinkedHashMap<>(f.numbers());
        Map<String, double[][]> arrays = new LinkedHashMap<>(f.arrays());
        if (attribute != null) {
            numbers.put(attribute, value);
        }
        if (dataset != null) {
            arrays.put(dataset, data);
        }
        return new ModelFile(f.model(), f.text(), numbers, arrays);
    }

    private IllegalArgumentException refused(ModelFile f) {
        Path p = dir.resolve("m.h5");
        f.write(p);
        return assertThrows(IllegalArgumentException.class, () -> FarFieldModel.fromFile(ModelFile.read(p), p));
    }

    @Test
    void aNonFiniteCoefficientIsRefusedNamingTheDatasetAndWhere() {
        ModelFile f = good();
        double[][] xy = f.arrays().get("coefficients_xy");
        double[][] bad = new double[xy.length][];
        for (int k = 0; k < xy.length; k++) {
            bad[k] = xy[k].clone();
        }
        bad[0][3] = Double.NaN;
        IllegalArgumentException e = refused(with(f, null, null, "coefficients_xy", bad));
        assertTrue(e.getMessage().contains("coefficients_xy") && e.getMessage().contains("NaN at [0, 3]")
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void headerValuesOutOfRangeAreRefusedBeforeAnythingIsAllocated() {
        ModelFile f = good();
        IllegalArgumentException e = refused(with(f, "modes", new double[] {1e9, 1e9}, null, null));
        assertTrue(e.getMessage().contains("attribute 'modes' holds 1.0E9") && e.getMessage().contains("<= 100000"),
                e.getMessage());
        e = refused(with(f, "near_radius", new double[] {Double.NaN}, null, null));
        assertTrue(e.getMessage().contains("near_radius") && e.getMessage().contains("NaN"), e.getMessage());
        e = refused(with(f, "modes", new double[] {2.5, 3}, null, null));
        assertTrue(e.getMessage().contains("whole numbers"), e.getMessage());
    }

    @Test
    void aDatasetLargerThanTheBoundIsRefusedBeforeItIsRead() {
        Path p = dir.resolve("big.h5");
        good().write(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(p, 10));
        assertTrue(e.getMessage().contains("holds") && e.getMessage().contains("at most 10 per dataset"),
                e.getMessage());
    }

    @Test
    void aDamagedCachedModelIsDiscardedAndFittedAgainWithOneLineSayingSo() {
        FarFieldModels.Target target = new FarFieldModels.Target(GRID.toPrisms(), GRID, null);
        Path cache = dir.resolve("cache");
        List<String> log = new ArrayList<>();
        FarFieldModel first = FarFieldModels.obtain(target, FAST, List.of(), cache, WorkerPool.shared(), log::add);
        Path cached = log.stream().filter(l -> l.startsWith("cached as ")).map(l -> Path.of(l.substring(10)))
                .findFirst().orElseThrow();
        ModelFile f = ModelFile.read(cached);
        double[][] zz = f.arrays().get("coefficients_zz");
        zz[0][0] = Double.POSITIVE_INFINITY;
        with(f, null, null, "coefficients_zz", zz).write(cached);
        log.clear();
        FarFieldModel again = FarFieldModels.obtain(target, FAST, List.of(), cache, WorkerPool.shared(), log::add);
        assertEquals(1, log.stream().filter(l -> l.startsWith("discarding the cached model " + cached)).count(),
                log.toString());
        assertEquals(first.basisSize(), again.basisSize());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("cached as ")), "the new fit replaces it: " + log);
    }

    @Test
    void aCachedModelOfManySizesWithoutItsLineKernelIsBuiltAgainWithOneLineSayingSo() {
        org.hypermag.solver.geometry.Prisms p = FarFieldSurrogateTest.granular();
        FarFieldModels.Target target = new FarFieldModels.Target(p, null, null);
        Path cache = dir.resolve("cache");
        List<String> log = new ArrayList<>();
        FarFieldModel first = FarFieldModels.obtain(target, FarFieldSettings.DEFAULT, List.of(), cache,
                WorkerPool.shared(), log::add);
        assertTrue(first.exactSizeMap(), "a built model of many sizes carries its line kernel");
        Path cached = log.stream().filter(l -> l.startsWith("cached as ")).map(l -> Path.of(l.substring(10)))
                .findFirst().orElseThrow();
        // the file as written before 2026-12-05: the same model without the line kernel
        ModelFile f = ModelFile.read(cached);
        Map<String, double[][]> arrays = new LinkedHashMap<>(f.arrays());
        arrays.remove(FarFieldModelFile.LINE);
        new ModelFile(f.model(), f.text(), f.numbers(), arrays).write(cached);
        log.clear();
        FarFieldModel again = FarFieldModels.obtain(target, FarFieldSettings.DEFAULT, List.of(), cache,
                WorkerPool.shared(), log::add);
        assertEquals(1, log.stream().filter(l -> l.contains("was made before models carried their line kernel"))
                .count(), log.toString());
        assertTrue(again.exactSizeMap());
        log.clear();
        assertTrue(FarFieldModels.obtain(target, FarFieldSettings.DEFAULT, List.of(), cache, WorkerPool.shared(),
                log::add).exactSizeMap());
        assertTrue(log.stream().anyMatch(l -> l.endsWith("(cached)")), "the rebuilt file is used next: " + log);
    }

    @Test
    void aLineKernelInAGridModelIsRefused() {
        ModelFile f = good();
        int size = f.arrays().get("coefficients_xx")[0].length;
        IllegalArgumentException e = refused(with(f, null, null, FarFieldModelFile.LINE, new double[4][size]));
        assertTrue(e.getMessage().contains("line_kernel") && e.getMessage().contains("cell-averaged"),
                e.getMessage());
    }
}
