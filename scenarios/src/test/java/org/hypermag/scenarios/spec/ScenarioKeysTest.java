package org.hypermag.scenarios.spec;

import org.hypermag.scenarios.sim.ScenarioSystem;
import org.hypermag.surrogate.SurrogateDemagProvider;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.field.CubicAnisotropyField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.gpu.GpuMode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.magnet.Material;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key of the scenario format, parsed into the value it stands for. */
class ScenarioKeysTest {
    @TempDir
    Path dir;

    static Scenario parse(String yaml, Path base) {
        return ScenarioParser.parse(yaml, "test.yaml", base, "default-name");
    }

    private static final String MATERIAL = "materials:\n  - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.02}\n";
    private static final String STAGES = "stages:\n  - relax: {}\n";

    private Scenario grid(String extra) {
        return parse("geometry:\n  grid: {cells: [4, 3, 2], cell_size: [2.0e-9, 3.0e-9, 4.0e-9]}\n" + MATERIAL
                + "initial: {uniform: [1, 0, 0]}\n" + STAGES + extra, dir);
    }

    @Test
    void topLevelKeysAndDefaults() {
        Scenario s = parse("name: my-run\ndescription: text here\ngeometry:\n  grid: {cells: [4, 3, 2], "
                + "cell_size: [2.0e-9, 3.0e-9, 4.0e-9], origin: [1.0e-9, 0, -2.0e-9]}\n" + MATERIAL
                + "initial: {uniform: [0, 0, 2]}\n" + STAGES, dir);
        assertEquals("my-run", s.name());
        assertEquals("text here", s.description());
        assertEquals(24, s.domains().size());
        assertEquals(2e-9, s.domains().prisms().cx(0), 1e-24, "origin shifts the centres");
        assertEquals(0, s.domains().prisms().cz(0), 1e-24);
        assertArrayEquals(new double[] {0, 0, 2}, ((Scenario.Uniform) s.initial()).direction());
        // defaults
        assertEquals("exact", s.demag().method());
        assertEquals(Scenario.IntegratorMethod.DORMAND_PRINCE, s.integrator().method());
        assertEquals(1e-5, s.integrator().tolerance());
        assertEquals(0, s.compute().threads());
        assertEquals(GpuMode.AUTO, s.compute().gpu());
        assertNull(s.output().directory());
        assertEquals(1e-12, s.output().tableInterval());
        assertEquals(0, s.output().frameInterval());
        assertEquals(EnumSet.of(Scenario.FrameField.M), s.output().fields());
        assertFalse(s.output().float64());
        assertEquals(60, s.output().checkpointInterval());
        assertEquals("default-name", grid("").name());
    }

    @Test
    void gridRegionsWithEveryShapeAndZRange() {
        Scenario s = parse("""
                geometry:
                  grid:
                    cells: [20, 20, 2]
                    cell_size: [1.0e-9, 1.0e-9, 1.0e-9]
                    regions:
                      - {region: 0, shape: {rectangle: {centre: [10.0e-9, 10.0e-9], size: [20.0e-9, 20.0e-9]}}}
                      - {region: 1, shape: {disk: {centre: [5.0e-9, 5.0e-9], radius: 3.0e-9}}, z: [0, 1.0e-9]}
                      - {region: 2, shape: {ellipse: {centre: [15.0e-9, 5.0e-9], radii: [3.0e-9, 2.0e-9]}}}
                      - region: 3
                        shape: {polygon: {vertices: [[0, 20.0e-9], [6.0e-9, 20.0e-9], [0, 14.0e-9]]}}
                      - region: 4
                        shape:
                          difference:
                            from: {union: {of: [{rectangle: {centre: [15.0e-9, 15.0e-9], size: [6.0e-9, 6.0e-9]}}]}}
                            remove: [{disk: {centre: [15.0e-9, 15.0e-9], radius: 1.5e-9}}]
                materials:
                  - {region: 0, Ms: 1.0e5, A: 0, alpha: 0.1}
                  - {region: 1, Ms: 2.0e5, A: 0, alpha: 0.1}
                  - {region: 2, Ms: 3.0e5, A: 0, alpha: 0.1}
                  - {region: 3, Ms: 4.0e5, A: 0, alpha: 0.1}
                  - {region: 4, Ms: 5.0e5, A: 0, alpha: 0.1}
                initial: {random: {seed: 3}}
                stages: [{relax: {}}]
                """, dir);
        int[] count = new int[5];
        for (int r : s.domains().regions()) {
            count[r]++;
        }
        assertEquals(800, s.domains().size(), "every cell lies in the rectangle");
        assertTrue(count[1] > 0 && count[1] < 40, "disk only in the lower layer: " + count[1]);
        assertTrue(count[2] > 0 && count[3] > 0 && count[4] > 0);
        // the difference leaves out the centre of region 4's square
        assertTrue(count[4] < 2 * 36 && count[4] >= 2 * (36 - 12), "square minus disk: " + count[4]);
        assertEquals(((Scenario.RandomDirections) s.initial()).seed(), 3);
        assertEquals(5, s.materials().size());
    }

    @Test
    void prismsInlineAndFromCsvWithRegions() throws IOException {
        Files.writeString(dir.resolve("p.csv"), "x,y,z,sx,sy,sz,region\n10e-9,0,0,2e-9,2e-9,2e-9,1\n");
        Files.writeString(dir.resolve("q.csv"), "x,y,z,sx,sy,sz\n20e-9,0,0,2e-9,2e-9,2e-9\n");
        Scenario s = parse("""
                geometry:
                  prisms:
                    list:
                      - {centre: [0, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9], region: 1}
                      - {centre: [2.0e-9, 0, 0], size: [2.0e-9, 4.0e-9, 2.0e-9]}
                    file: p.csv
                materials:
                  - {region: 0, Ms: 8.0e5, A: 1.0e-11, alpha: 0.5}
                  - {region: 1, Ms: 4.0e5, A: 1.0e-11, alpha: 0.5}
                exchange_scaling:
                  - {regions: [0, 1], factor: 0.25}
                initial: {uniform: [1, 0, 0]}
                stages: [{relax: {}}]
                """, dir);
        assertEquals(3, s.domains().size());
        assertArrayEquals(new int[] {1, 0, 1}, s.domains().regions());
        assertEquals(10e-9, s.domains().prisms().cx(2), 1e-24);
        assertEquals(0.25, s.exchangeScaling().get(0).factor());
        Scenario q = parse("geometry: {prisms: {file: q.csv}}\n" + MATERIAL + "initial: {uniform: [1, 0, 0]}\n"
                + STAGES, dir);
        assertArrayEquals(new int[] {0}, q.domains().regions(), "region column defaults to 0");
    }

    @Test
    void generatedGranularFilmAndIslandArrays() {
        Scenario g = parse("""
                geometry:
                  granular_film: {size: [100.0e-9, 100.0e-9], thickness: 5.0e-9, grain_size: 8.0e-9,
                                  grain_size_spread: 0.1, gap: 1.0e-9, grains: 40, seed: 11, region: 2}
                materials: [{region: 2, Ms: 4.0e5, A: 0, alpha: 1, K1: 2.0e5, anisotropy_axis: [0, 0, 1]}]
                initial: {uniform: [0, 0, 1]}
                stages: [{relax: {}}]
                """, dir);
        assertEquals(40, g.domains().size());
        assertEquals(11L, g.domains().seed());
        assertEquals(2, g.domains().regions()[0]);
        Scenario k = parse("""
                geometry:
                  island_array: {lattice: kagome, columns: 1, rows: 1, spacing: 500.0e-9,
                                 island: {length: 300.0e-9, width: 90.0e-9, thickness: 20.0e-9}, cells: [1, 1]}
                materials:
                  - {region: 0, Ms: 8.0e5, A: 0, alpha: 0.5, K1: 1.0e4, anisotropy_axis: [1, 0, 0]}
                  - {region: 1, Ms: 8.0e5, A: 0, alpha: 0.5, K1: 1.0e4, anisotropy_axis: [0.5, 0.866, 0]}
                  - {region: 2, Ms: 8.0e5, A: 0, alpha: 0.5, K1: 1.0e4, anisotropy_axis: [-0.5, 0.866, 0]}
                initial: {uniform: [1, 0, 0]}
                stages: [{relax: {}}]
                """, dir);
        assertEquals(6, k.domains().size(), "two vertices, three macrospin islands each");
    }

    @Test
    void materialKeys() {
        Scenario s = parse("""
                geometry: {grid: {cells: [1, 1, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}
                materials:
                  - region: 0
                    Ms: 1.4e6
                    A: 2.1e-11
                    K1: 4.8e4
                    anisotropy_axis: [0, 0, 3]
                    Kc1: -1.0e4
                    Kc2: 2.0e3
                    cubic_axes: [[1, 1, 0], [-1, 1, 0]]
                    alpha: 0.3
                    gamma: 1.76e5
                initial: {uniform: [1, 0, 0]}
                stages: [{relax: {}}]
                """, dir);
        Material m = s.materials().get(0);
        assertEquals(1.4e6, m.ms());
        assertEquals(2.1e-11, m.get(ExchangeField.A));
        assertEquals(4.8e4, m.get(UniaxialAnisotropyField.K1));
        assertArrayEquals(new double[] {0, 0, 1}, m.vector(UniaxialAnisotropyField.AXIS), 1e-15);
        assertEquals(-1.0e4, m.get(CubicAnisotropyField.KC1));
        assertEquals(2.0e3, m.get(CubicAnisotropyField.KC2));
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5), 0, -Math.sqrt(0.5), Math.sqrt(0.5), 0},
                m.vector(CubicAnisotropyField.AXES), 1e-15);
        assertEquals(0.3, m.get(LlgEquation.ALPHA));
        assertEquals(1.76e5, m.get(LlgEquation.GAMMA));
    }

    @Test
    void initialStates() {
        Scenario v = parse("geometry: {grid: {cells: [4, 4, 1], cell_size: "
                + "[1.0e-9, 1.0e-9, 1.0e-9]}}\n" + MATERIAL + "initial: {vortex: {centre: [2.0e-9, 2.0e-9], "
                + "circulation: -1, polarity: -1, core_radius: 3.0e-9}}\n" + STAGES, dir);
        Scenario.Vortex vx = (Scenario.Vortex) v.initial();
        assertEquals(-1, vx.circulation());
        assertEquals(-1, vx.polarity());
        assertEquals(3e-9, vx.coreRadius());
        Scenario f = parse("geometry: {grid: {cells: [4, 4, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}\n" + MATERIAL
                + "initial: {file: {path: earlier/run, frame: 3}}\n" + STAGES, dir);
        assertEquals(dir.resolve("earlier/run"), ((Scenario.FromRun) f.initial()).directory());
        assertEquals(3, ((Scenario.FromRun) f.initial()).frame());
        Scenario last = parse("geometry: {grid: {cells: [4, 4, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}\n"
                + MATERIAL + "initial: {file: {path: r, frame: last}}\n" + STAGES, dir);
        assertEquals(-1, ((Scenario.FromRun) last.initial()).frame());
    }

    @Test
    void stagesAndFieldProtocolsInEveryUnit() {
        Scenario s = parse("""
                geometry: {grid: {cells: [2, 1, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}
                materials: [{region: 0, Ms: 8.0e5, A: 1.0e-11, alpha: 0.5}]
                initial: {uniform: [1, 0, 0]}
                stages:
                  - relax: {torque_tolerance: 0.5, max_iterations: 100, field: {T: [0, 0, 0.1]}}
                  - run: {duration: 1.0e-10, field: {A_per_m: [1000, 0, 0]}}
                  - run:
                      duration: 2.0e-10
                      field: {ramp: {from: {mT: [0, 0, 0]}, to: {mT: [10, 0, 0]}, start: 1.0e-11, end: 1.0e-10}}
                  - run:
                      duration: 1.0e-10
                      field: {sinusoid: {offset: {mT: [1, 0, 0]}, amplitude: {mT: [0, 2, 0]}, frequency: 5.0e9,
                                         phase: 0.5}}
                  - run:
                      duration: 1.0e-10
                      field: {table: {unit: mT, times: [0, 5.0e-11], values: [[0, 0, 0], [0, 0, 20]]}}
                  - run: {duration: 1.0e-11}
                  - hysteresis: {from: {mT: [50, 0, 0]}, to: {mT: [-50, 0, 0]}, steps: 10, return: false,
                                 torque_tolerance: 1.0, frames: true}
                  - hysteresis: {from: {mT: [0, 20, 0]}, to: {mT: [0, -20, 0]}, steps: 4}
                """, dir);
        assertEquals(8, s.stages().size());
        Scenario.Relax r = (Scenario.Relax) s.stages().get(0);
        assertEquals(0.5, r.torqueTolerance());
        assertEquals(100, r.maxIterations());
        double[] h = new double[3];
        r.field().field().value(0, h);
        assertEquals(0.1 / Constants.MU0, h[2], 1e-6);
        ((Scenario.Run) s.stages().get(1)).field().field().value(0, h);
        assertEquals(1000, h[0], 1e-12);
        Scenario.Run ramp = (Scenario.Run) s.stages().get(2);
        assertEquals(2e-10, ramp.duration());
        ramp.field().field().value(5.5e-11, h);
        assertEquals(5e-3 / Constants.MU0, h[0], 1e-6, "half-way up the ramp");
        ((Scenario.Run) s.stages().get(3)).field().field().value(0, h);
        assertEquals(2e-3 / Constants.MU0 * Math.sin(0.5), h[1], 1e-6);
        ((Scenario.Run) s.stages().get(4)).field().field().value(2.5e-11, h);
        assertEquals(10e-3 / Constants.MU0, h[2], 1e-6);
        assertNull(((Scenario.Run) s.stages().get(5)).field());
        Scenario.Hysteresis loop = (Scenario.Hysteresis) s.stages().get(6);
        assertEquals(11, loop.points());
        assertTrue(loop.frames());
        assertEquals(1.0, loop.torqueTolerance());
        assertEquals(-50e-3 / Constants.MU0, loop.fieldAt(10)[0], 1e-6);
        Scenario.Hysteresis back = (Scenario.Hysteresis) s.stages().get(7);
        assertEquals(9, back.points(), "return defaults to true: 4 steps down, 4 back");
        assertEquals(20e-3 / Constants.MU0, back.fieldAt(8)[1], 1e-6);
        assertEquals(0.1, back.torqueTolerance());
        assertFalse(back.frames());
    }

    @Test
    void methodComputeAndOutputKeys() {
        Scenario s = grid("""
                demag: {method: surrogate, model: models/film.hmm}
                integrator: {method: dormand-prince, tolerance: 1.0e-7, max_step: 1.0e-12}
                compute: {threads: 3, gpu: off}
                output:
                  directory: results/x
                  table_interval: 2.0e-12
                  frame_interval: 1.0e-11
                  fields: [m, demag_field, effective_field, energy_density]
                  precision: float64
                  checkpoint_interval: 5
                """);
        assertEquals("surrogate", s.demag().method());
        assertEquals(dir.resolve("models/film.hmm"), s.demag().settings().path("model"));
        assertEquals(FarFieldSettings.DEFAULT, SurrogateDemagProvider.farFieldSettings(s.demag().settings()),
                "surrogate accuracy defaults");
        assertEquals(1e-7, s.integrator().tolerance());
        assertEquals(1e-12, s.integrator().maxStep());
        assertEquals(3, s.compute().threads());
        assertEquals(GpuMode.OFF, s.compute().gpu());
        assertEquals(Path.of("results/x"), s.output().directory());
        assertEquals(2e-12, s.output().tableInterval());
        assertEquals(1e-11, s.output().frameInterval());
        assertEquals(EnumSet.allOf(Scenario.FrameField.class), s.output().fields());
        assertTrue(s.output().float64());
        assertEquals(5, s.output().checkpointInterval());
        Scenario heun = grid("integrator: {method: heun, step: 1.0e-14}\ncompute: {threads: auto, gpu: on}\n"
                + "demag: {method: none}\n");
        assertEquals(Scenario.IntegratorMethod.HEUN, heun.integrator().method());
        assertEquals(1e-14, heun.integrator().step());
        assertEquals(0, heun.compute().threads());
        assertEquals(GpuMode.ON, heun.compute().gpu());
        assertEquals("none", heun.demag().method());
        assertEquals(Scenario.IntegratorMethod.RK4, grid("integrator: {method: rk4, step: 2.0e-14}\n").integrator()
                .method());
        // rk4 without a step adapts it, at the given tolerance (as OOMMF's rk4 evolver)
        Scenario.Integrator rk4 = grid("integrator: {method: rk4, tolerance: 1.0e-4}\n").integrator();
        assertEquals(Scenario.IntegratorMethod.RK4, rk4.method());
        assertTrue(Double.isNaN(rk4.step()));
        assertEquals(1e-4, rk4.tolerance());
        assertEquals(org.hypermag.integrators.ButcherTableau.RK4_3,
                org.hypermag.scenarios.sim.Integration.of(rk4).tableau());
        assertEquals(org.hypermag.integrators.ButcherTableau.RK4, org.hypermag.scenarios.sim.Integration
                .of(grid("integrator: {method: rk4, step: 2.0e-14}\n").integrator()).tableau());
        Scenario.Integrator rk46 = grid("integrator: {method: rk46, tolerance: 1.0e-4, max_step: 1.0e-12}\n")
                .integrator();
        assertEquals(Scenario.IntegratorMethod.RK46, rk46.method());
        assertEquals(1e-4, rk46.tolerance());
        assertEquals(1e-12, rk46.maxStep());
        assertEquals(org.hypermag.integrators.ButcherTableau.RK46_3,
                org.hypermag.scenarios.sim.Integration.of(rk46).tableau());
        Scenario.Integrator prk = grid("integrator: {method: prk48, tolerance: 2.0e-5, max_step: 3.0e-12}\n")
                .integrator();
        assertEquals(Scenario.IntegratorMethod.PRK48, prk.method());
        org.hypermag.scenarios.sim.Integration prkIn = org.hypermag.scenarios.sim.Integration
                .of(prk);
        assertEquals(org.hypermag.integrators.PartitionedTableau.PRK48, prkIn.partitioned());
        assertEquals(2e-5, prkIn.tolerance());
        assertEquals(3e-12, prkIn.maxStep());
        assertTrue(prkIn.isAdaptive());
        assertEquals("PRK4(3)8, tolerance 2.0E-5 rad per step, demag on 4 of 8 stages, max step 3.0E-12 s",
                prkIn.describe());
        assertEquals(org.hypermag.integrators.PartitionedTableau.PRK410, org.hypermag.scenarios.sim.Integration
                .of(grid("integrator: {method: prk410}\n").integrator()).partitioned());
    }

    @Test
    void surrogateSettingsAndTheStoredModelBesideTheScenario() {
        Scenario s = grid("demag: {method: surrogate, near_radius: 12, k_max_R: 6.5, period_margin: 0}\n");
        assertEquals(new FarFieldSettings(12, 6.5, 0), SurrogateDemagProvider.farFieldSettings(s.demag().settings()));
        assertNull(s.demag().settings().path("model"), "no model named: automatic");
        assertEquals(dir.resolve("models").resolve(s.name() + ".far-field.h5"), DemagMethods.request(s,
                ScenarioSystem.magnet(s), null, null, null).scenario().storedData().get(0));
        Scenario mlp = grid("demag: {method: surrogate, size_features: mlp, mlp_width: 12, mlp_depth: 3}\n");
        assertEquals(FarFieldSettings.DEFAULT.withSizeMap(FarFieldSettings.SizeMap.MLP, 12, 3),
                SurrogateDemagProvider.farFieldSettings(mlp.demag().settings()));
    }

    @Test
    void validationTolerancesOverrideTheDefaultsOneByOne() {
        assertEquals(Scenario.Validation.DEFAULT, grid("").validation(), "defaults without the block");
        Scenario.Validation v = grid("""
                validation:
                  field_error_median: 0.002
                  field_error_l2: 0.003
                  field_error_max: 0.05
                  zero_crossing_time: 1.0e-12
                  final_m: 0.02
                  coercive_field: 1000
                  remanence: 0.1
                  energy: 0.001
                  state_difference: 0.2
                  max_m_divergence: off
                """).validation();
        assertEquals(new Scenario.Validation(0.002, 0.003, 0.05, 1e-12, 0.02, 1000, 0.1, 0.001, 0.2,
                Double.POSITIVE_INFINITY), v);
        Scenario.Validation one = grid("validation: {final_m: 0.5}\n").validation();
        assertEquals(0.5, one.finalM());
        assertEquals(Scenario.Validation.DEFAULT.zeroCrossingTime(), one.zeroCrossingTime(), "others keep defaults");
    }
}
