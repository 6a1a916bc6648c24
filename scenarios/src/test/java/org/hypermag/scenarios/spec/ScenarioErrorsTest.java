package org.hypermag.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenario files: each problem names file:line:column, the key path, the value and what is expected. */
class ScenarioErrorsTest {
    @TempDir
    Path dir;

    private static final String GRID = "geometry:\n  grid: {cells: [4, 3, 1], cell_size: [2.0e-9, 2.0e-9, 2.0e-9]}\n";
    private static final String MATERIAL = "materials:\n  - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.02}\n";
    private static final String REST = "initial: {uniform: [1, 0, 0]}\nstages:\n  - relax: {}\n";
    private static final String GOOD = GRID + MATERIAL + REST;

    private List<Problem> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioParser.parse(yaml, "bad.yaml", dir, "bad"));
        return e.problems();
    }

    /** Exactly one problem, at the given position, containing every fragment. */
    private void one(String yaml, int line, int column, String path, String... fragments) {
        List<Problem> ps = problems(yaml);
        assertEquals(1, ps.size(), "problems: " + ps);
        Problem p = ps.get(0);
        String text = p.toString();
        assertEquals("bad.yaml", p.file());
        assertEquals(line, p.line(), text);
        assertEquals(column, p.column(), text);
        assertEquals(path, p.path(), text);
        for (String f : fragments) {
            assertTrue(text.contains(f), "'" + text + "' lacks '" + f + "'");
        }
    }

    @Test
    void theGoodBaseParses() {
        assertEquals(12, ScenarioParser.parse(GOOD, "good.yaml", dir, "good").domains().size());
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestOne() {
        one(GOOD + "outptu: {}\n", 8, 1, "outptu", "unknown key", "did you mean 'output'?");
    }

    @Test
    void unknownNestedKeyIsReportedWithTheMissingKeyItHides() {
        List<Problem> ps = problems(GRID.replace("cell_size", "cell_sise") + MATERIAL + REST);
        assertEquals(2, ps.size(), ps.toString());
        assertEquals("bad.yaml:2:9: geometry.grid: missing key 'cell_size' (cell size along x, y, z in m)",
                ps.get(0).toString());
        assertEquals("bad.yaml:2:28: geometry.grid.cell_sise: unknown key; expected one of cells, cell_size, origin, "
                + "regions (did you mean 'cell_size'?)", ps.get(1).toString());
    }

    @Test
    void textWhereANumberIsExpected() {
        one(GRID + "materials:\n  - {region: 0, Ms: lots, A: 1.3e-11, alpha: 0.02}\n" + REST, 4, 21,
                "materials[0].Ms", "got 'lots'", "a number > 0 (A/m)");
    }

    @Test
    void negativeSaturationMagnetisation() {
        one(GRID + "materials:\n  - {region: 0, Ms: -8.0e5, A: 1.3e-11, alpha: 0.02}\n" + REST, 4, 21,
                "materials[0].Ms", "got '-8.0e5'", "> 0");
    }

    @Test
    void negativeDamping() {
        one(GRID + "materials:\n  - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: -0.1}\n" + REST, 4, 47,
                "materials[0].alpha", "got '-0.1'", ">= 0");
    }

    @Test
    void zeroCellSize() {
        one("geometry:\n  grid: {cells: [4, 3, 1], cell_size: [2.0e-9, 0, 2.0e-9]}\n" + MATERIAL + REST, 2, 48,
                "geometry.grid.cell_size[1]", "got '0'", "a number > 0 (m)");
    }

    @Test
    void missingRequiredTopLevelKey() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\n", 1, 1, "", "missing key 'stages'");
    }

    @Test
    void missingRequiredMaterialKey() {
        one(GRID + "materials:\n  - {region: 0, Ms: 8.0e5, alpha: 0.02}\n" + REST, 4, 5, "materials[0]",
                "missing key 'A'", "J/m");
    }

    @Test
    void geometryRegionWithoutAMaterial() {
        one("""
                geometry:
                  grid:
                    cells: [4, 4, 1]
                    cell_size: [1.0e-9, 1.0e-9, 1.0e-9]
                    regions: [{region: 3, shape: {disk: {centre: [2.0e-9, 2.0e-9], radius: 1.5e-9}}}]
                """ + MATERIAL + REST, 7, 3, "materials", "region(s) [3]", "no material");
    }

    @Test
    void overlappingPrisms() {
        one("""
                geometry:
                  prisms:
                    list:
                      - {centre: [0, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]}
                      - {centre: [1.0e-9, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]}
                """ + MATERIAL + REST, 3, 5, "geometry.prisms", "prisms 0 (bad.yaml:4) and 1 (bad.yaml:5) overlap");
    }

    @Test
    void twoGeometryKinds() {
        one("geometry:\n  grid: {cells: [1, 1, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}\n  prisms: {list: []}\n"
                + MATERIAL + REST, 2, 3, "geometry", "has grid and prisms", "exactly one geometry kind");
    }

    @Test
    void invalidYamlSyntax() {
        one(GOOD + "output: {table_interval: [1\n", 9, 1, "", "not valid YAML");
    }

    @Test
    void emptyFile() {
        one("", 0, 0, "", "the file is empty", "geometry, materials, initial, stages");
    }

    @Test
    void quotedNumber() {
        one(GRID + "materials:\n  - {region: 0, Ms: \"8.0e5\", A: 1.3e-11, alpha: 0.02}\n" + REST, 4, 21,
                "materials[0].Ms", "the quoted text '8.0e5'");
    }

    @Test
    void vectorOfTheWrongLength() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0]}\nstages:\n  - relax: {}\n", 5, 20, "initial.uniform",
                "of 2 numbers", "a list of 3 numbers");
    }

    @Test
    void unknownStageKind() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\nstages:\n  - anneal: {}\n", 7, 5, "stages[0].anneal",
                "unknown key", "relax, run, hysteresis");
    }

    @Test
    void nonPositiveDuration() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\nstages:\n  - run: {duration: -1.0e-9}\n", 7, 21,
                "stages[0].run.duration", "got '-1.0e-9'", "> 0 (s)");
    }

    @Test
    void fieldWithoutAUnit() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\nstages:\n  - run: {duration: 1.0e-9, field: "
                + "{value: [1, 0, 0]}}\n", 7, 37, "stages[0].run.field.value", "unknown key", "ramp, sinusoid, table");
    }

    @Test
    void rampEndingBeforeItStarts() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\nstages:\n  - run:\n      duration: 1.0e-9\n"
                + "      field: {ramp: {from: {mT: [0, 0, 0]}, to: {mT: [1, 0, 0]}, start: 2.0e-10, end: 1.0e-10}}\n",
                9, 87, "stages[0].run.field.ramp.end", "expected a time after start");
    }

    @Test
    void frameIntervalNotAMultipleOfTheTableInterval() {
        one(GOOD + "output: {table_interval: 1.0e-12, frame_interval: 2.5e-12}\n", 8, 51, "output.frame_interval",
                "a multiple of table_interval");
    }

    @Test
    void moreGrainsThanFit() {
        one("""
                geometry:
                  granular_film: {size: [30.0e-9, 30.0e-9], thickness: 2.0e-9, grain_size: 10.0e-9, grains: 50, seed: 1}
                """ + MATERIAL + REST, 2, 18, "geometry.granular_film", "would cover", "random placement jams");
    }

    @Test
    void shapeOutsideTheGrid() {
        one("""
                geometry:
                  grid:
                    cells: [4, 4, 1]
                    cell_size: [1.0e-9, 1.0e-9, 1.0e-9]
                    regions: [{region: 0, shape: {disk: {centre: [1.0e-6, 0], radius: 1.0e-9}}}]
                """ + MATERIAL + REST, 5, 15, "geometry.grid.regions[0]", "contains no cell centre");
    }

    @Test
    void duplicateKey() {
        one(GRID + MATERIAL + REST + "demag: {method: exact, method: none}\n", 8, 24, "demag.method",
                "key appears twice");
    }

    @Test
    void fractionalCellCount() {
        one("geometry:\n  grid: {cells: [4, 1.5, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}\n" + MATERIAL + REST, 2,
                21, "geometry.grid.cells[1]", "got '1.5'", "an integer from 1");
    }

    @Test
    void zeroVortexCirculation() {
        one(GRID + MATERIAL + "initial: {vortex: {centre: [0, 0], circulation: 0}}\nstages:\n  - relax: {}\n", 5, 49,
                "initial.vortex.circulation", "+1 or -1");
    }

    @Test
    void unknownIntegratorMethod() {
        one(GOOD + "integrator: {method: euler}\n", 8, 22, "integrator.method", "got 'euler'",
                "dormand-prince, fehlberg, bogacki-shampine, heun, rk4");
    }

    @Test
    void modelFileWithoutTheSurrogate() {
        one(GOOD + "demag: {method: exact, model: m.hmm}\n", 8, 31, "demag.model", "only used with method: surrogate");
    }

    @Test
    void surrogateSettingWithTheExactMethod() {
        one(GOOD + "demag: {method: exact, near_radius: 8}\n", 8, 37, "demag.near_radius",
                "'near_radius' is a setting of the surrogate", "only used with method: surrogate");
    }

    @Test
    void nonPositiveNearRadius() {
        one(GOOD + "demag: {method: surrogate, near_radius: 0}\n", 8, 41, "demag.near_radius", "'0'", "> 0");
    }

    @Test
    void unknownSizeFeaturesAndAnMlpTooWide() {
        one(GOOD + "demag: {method: surrogate, size_features: spline}\n", 8, 43, "demag.size_features", "'spline'",
                "moments", "mlp");
        one(GOOD + "demag: {method: surrogate, size_features: mlp, mlp_width: 100}\n", 8, 59, "demag.mlp_width",
                "'100'", "from 1 to 64");
    }

    @Test
    void negativePeriodMargin() {
        one(GOOD + "demag: {method: surrogate, period_margin: -1}\n", 8, 43, "demag.period_margin", "'-1'", ">= 0");
    }

    @Test
    void fixedStepForTheAdaptiveIntegrator() {
        one(GOOD + "integrator: {step: 1.0e-13}\n", 8, 20, "integrator.step", "heun and rk4");
    }

    @Test
    void aToleranceBesideRk4sFixedStepSaysHowToAdapt() {
        one(GOOD + "integrator: {method: rk4, step: 1.0e-13, tolerance: 1.0e-5}\n", 8, 53, "integrator.tolerance",
                "rk4 with a 'step' is fixed (leave 'step' out for the adaptive rk4)");
    }

    @Test
    void badValueInAPrismsCsvFilePointsIntoTheCsv() throws IOException {
        Files.writeString(dir.resolve("p.csv"), "x,y,z,sx,sy,sz\n0,0,0,1e-9,-1e-9,1e-9\n");
        List<Problem> ps = problems("geometry: {prisms: {file: p.csv}}\n" + MATERIAL + REST);
        assertEquals(1, ps.size());
        Problem p = ps.get(0);
        assertTrue(p.file().endsWith("p.csv") && p.line() == 2 && p.column() == 12, p.toString());
        assertEquals("geometry.prisms.file", p.path());
        assertTrue(p.message().contains("column 'sy'") && p.message().contains("'-1e-9'"), p.toString());
    }

    @Test
    void twoMaterialsForOneRegion() {
        one(GRID + "materials:\n  - {region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}\n  - {region: 0, Ms: 4.0e5, A: 0, "
                + "alpha: 0.1}\n" + REST, 5, 5, "materials[1]", "region 0 has two materials");
    }

    @Test
    void tabulatedTimesNotIncreasing() {
        one(GRID + MATERIAL + "initial: {uniform: [1, 0, 0]}\nstages:\n  - run:\n      duration: 1.0e-9\n"
                + "      field: {table: {unit: mT, times: [0, 2.0e-10, 1.0e-10], values: [[0,0,0],[1,0,0],[2,0,0]]}}\n",
                9, 53, "stages[0].run.field.table.times[2]", "strictly increasing");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
        List<Problem> ps = problems("""
                geometry:
                  grid: {cells: [0, 3, 1], cell_size: [2.0e-9, 2.0e-9, 2.0e-9]}
                materials:
                  - {region: 0, Ms: 8.0e5, A: -1, alpha: 0.02}
                initial: {uniform: [1, 0, 0]}
                stages:
                  - run: {duration: 0}
                colour: blue
                """);
        assertEquals(4, ps.size(), ps.toString());
        assertEquals(List.of(2, 4, 7, 8), ps.stream().map(Problem::line).toList());
        assertTrue(ps.get(0).toString().contains("geometry.grid.cells[0]"));
        assertTrue(ps.get(1).toString().contains("materials[0].A"));
        assertTrue(ps.get(2).toString().contains("stages[0].run.duration"));
        assertTrue(ps.get(3).toString().contains("unknown key"));
    }

    @Test
    void missingFileIsReported() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioParser.parse(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("nope.yaml: file not found"), e.getMessage());
    }

    @Test
    void nonPositiveValidationTolerance() {
        one(GOOD + "validation:\n  final_m: -0.01\n", 9, 12, "validation.final_m", "'-0.01'", "> 0",
                "or off");
    }

    @Test
    void unknownValidationKey() {
        one(GOOD + "validation: {zero_crossing: 1.0e-12}\n", 8, 14, "validation.zero_crossing", "unknown key",
                "zero_crossing_time");
    }
}
