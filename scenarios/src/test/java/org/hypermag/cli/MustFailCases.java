package org.hypermag.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The must-fail inputs (as mumax3 keeps its {@code .mustfail} scripts): each is a scenario (or a {@code field}
 * command) that hypermag must refuse with a given exit status and message, quickly, without a stack trace or an
 * "internal error". {@link MustFailTest} runs them all; docs/reliability.md lists them as a table generated from this
 * list (the test keeps the two equal).
 */
final class MustFailCases {
    private MustFailCases() {
    }

    /** A minimal valid scenario: the cases change one thing in it. */
    static final String BASE = """
            geometry: {grid: {cells: [4, 2, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0, 0]}
            stages: [{relax: {}}]
            """;

    /**
     * One must-fail input.
     *
     * @param name a short name (also the scenario file's name)
     * @param input what is wrong, as the table shows it
     * @param scenario the scenario text ({@code FILE} stands for the scenario file's own path, {@code DIR} for a
     *     scratch directory), or null for a {@code field} command case
     * @param field the {@code field} command's arguments for a field case ({@code DIR} as above), else null
     * @param status the expected exit status (2: refused before anything runs, by check and run alike; 3: run
     *     stops with a failure, keeping what it wrote)
     * @param messages fragments the error output must contain
     */
    record Case(String name, String input, String scenario, String[] field, int status, String... messages) {
    }

    static String base(String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return BASE.replace(from, to);
    }

    static String withStages(String stages) {
        return base("stages: [{relax: {}}]", "stages: " + stages);
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        // optional numeric keys with invalid values (once "internal error: NullPointerException")
        c.add(new Case("torque-negative", "`relax: {torque_tolerance: -0.1}`",
                withStages("[{relax: {torque_tolerance: -0.1}}]"), null, 2, "stages[0].relax.torque_tolerance",
                "got '-0.1'; expected a number > 0 (A/m)"));
        c.add(new Case("torque-quoted", "`relax: {torque_tolerance: \"0.1\"}`",
                withStages("[{relax: {torque_tolerance: \"0.1\"}}]"), null, 2, "stages[0].relax.torque_tolerance",
                "quoted text"));
        c.add(new Case("torque-word", "`relax: {torque_tolerance: abc}`",
                withStages("[{relax: {torque_tolerance: abc}}]"), null, 2, "got 'abc'; expected a number > 0"));
        c.add(new Case("torque-null", "`relax: {torque_tolerance: ~}`", withStages("[{relax: {torque_tolerance: ~}}]"),
                null, 2, "stages[0].relax.torque_tolerance", "expected a number > 0"));
        c.add(new Case("hysteresis-iterations", "`hysteresis: {max_iterations: 0, ...}`",
                withStages("[{hysteresis: {from: {mT: [10, 0, 0]}, to: {mT: [-10, 0, 0]}, steps: 2, "
                        + "max_iterations: 0}}]"), null, 2, "stages[0].hysteresis.max_iterations",
                "expected an integer from 1"));
        c.add(new Case("integrator-tolerance", "`integrator: {tolerance: -1}`",
                BASE + "integrator: {tolerance: -1}\n", null, 2, "integrator.tolerance", "expected a number > 0"));
        c.add(new Case("integrator-max-step", "`integrator: {max_step: 0}`", BASE + "integrator: {max_step: 0}\n",
                null, 2, "integrator.max_step", "expected a number > 0 (s)"));
        c.add(new Case("vortex-core", "`initial: {vortex: {centre: [0, 0], core_radius: -5}}`",
                base("initial: {uniform: [1, 0, 0]}", "initial: {vortex: {centre: [0, 0], core_radius: -5}}"),
                null, 2, "initial.vortex.core_radius", "expected a number > 0 (m)"));
        c.add(new Case("table-interval", "`output: {table_interval: 0}`", BASE + "output: {table_interval: 0}\n",
                null, 2, "output.table_interval", "expected a number > 0 (s)"));
        c.add(new Case("frame-interval", "`output: {frame_interval: -1.0e-12}`",
                BASE + "output: {frame_interval: -1.0e-12}\n", null, 2, "output.frame_interval",
                "expected a number >= 0"));
        c.add(new Case("checkpoint-interval", "`output: {checkpoint_interval: soon}`",
                BASE + "output: {checkpoint_interval: soon}\n", null, 2, "output.checkpoint_interval",
                "expected a number > 0 (s of wall time)"));
        c.add(new Case("table-energies", "`output: {table_energies: exact}`",
                BASE + "output: {table_energies: exact}\n", null, 2, "output.table_energies", "interpolated",
                "evaluated"));
        // values and keys
        c.add(new Case("ms-overflow", "`Ms: 1.0e400`", base("Ms: 8.0e5", "Ms: 1.0e400"), null, 2, "materials[0].Ms",
                "overflows a double-precision number"));
        c.add(new Case("ms-missing", "a material without `Ms`", base("Ms: 8.0e5, ", ""), null, 2,
                "missing key 'Ms'", "A/m"));
        c.add(new Case("exchange-missing", "a material without `A`", base("A: 1.3e-11, ", ""), null, 2,
                "missing key 'A'", "J/m"));
        c.add(new Case("material-typo", "`Kl: 1.0e5` (a typo of K1)", base("alpha: 0.1", "alpha: 0.1, Kl: 1.0e5"),
                null, 2, "materials[0].Kl", "did you mean 'K1'?"));
        c.add(new Case("cubic-axes", "`cubic_axes: [[1, 0, 0], [1, 1, 0]]`",
                base("alpha: 0.1", "alpha: 0.1, Kc1: 1.0e4, cubic_axes: [[1, 0, 0], [1, 1, 0]]"), null, 2,
                "materials[0].cubic_axes", "perpendicular"));
        c.add(new Case("top-typo", "`stagse:` (a typo of stages)", BASE + "stagse: []\n", null, 2,
                "did you mean 'stages'?"));
        c.add(new Case("demag-setting-elsewhere", "`demag: {method: exact, near_radius: 5}`",
                BASE + "demag: {method: exact, near_radius: 5}\n", null, 2, "demag.near_radius",
                "a setting of the surrogate method"));
        c.add(new Case("threads", "`compute: {threads: 100000}`", BASE + "compute: {threads: 100000}\n", null, 2,
                "compute.threads", "from 1 to 1024"));
        // inputs that exhausted the parser
        c.add(new Case("alias-bomb", "48 aliases in 1 KB: each list holds the one before twice (a billion laughs)",
                aliasBomb(), null, 2, "expands to more than 4000000 nodes"));
        c.add(new Case("deep-nesting", "2000 nested `[`", BASE + "description: " + "[".repeat(2000) + "\n", null, 2,
                "nested more than 64 levels deep"));
        c.add(new Case("huge-file", "an 8 MiB scenario (one long value)", BASE + "description: "
                + "x".repeat(8 << 20) + "\n", null, 2, "scenario files are limited to"));
        c.add(new Case("long-line", "a 300 KiB line", BASE + "description: " + "x".repeat(300 << 10) + "\n", null, 2,
                "lines are limited to 262144"));
        c.add(new Case("alias-cycle", "an alias inside the shape it names: `shape: &s {union: {of: [*s]}}`",
                base("geometry: {grid: {cells: [4, 2, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}",
                        "geometry: {grid: {cells: [4, 2, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9], regions: "
                                + "[{region: 0, shape: &s {union: {of: [*s]}}}]}}"), null, 2, "a cycle"));
        // sizes beyond memory, and runs beyond their bounds
        c.add(new Case("grid-memory", "a 1000 × 1000 × 200 grid", base("cells: [4, 2, 1]", "cells: [1000, 1000, 200]"),
                null, 2, "geometry.grid.cells", "needs about", "HYPERMAG_JAVA_OPTS=-Xmx"));
        c.add(new Case("islands-memory", "a 100000 × 100000 island array", base(
                "geometry: {grid: {cells: [4, 2, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}",
                "geometry: {island_array: {lattice: square, columns: 100000, rows: 100000, spacing: 4.0e-7, "
                        + "island: {length: 2.8e-7, width: 8.0e-8, thickness: 2.0e-8}}}"), null, 2,
                "geometry.island_array", "needs about"));
        c.add(new Case("film-coverage", "2000 grains of 10 nm in a 100 nm film", base(
                "geometry: {grid: {cells: [4, 2, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}",
                "geometry: {granular_film: {size: [1.0e-7, 1.0e-7], thickness: 5.0e-9, grain_size: 1.0e-8, "
                        + "grains: 2000, seed: 1}}"), null, 2, "geometry.granular_film", "would cover",
                "random placement jams"));
        c.add(new Case("rows-bound", "`table_interval: 1.0e-30` for a 1 ns run",
                withStages("[{run: {duration: 1.0e-9}}]") + "output: {table_interval: 1.0e-30}\n", null, 2,
                "output.max_rows", "table rows"));
        c.add(new Case("duration-bound", "`run: {duration: 1.0e300}`", withStages("[{run: {duration: 1.0e300}}]"),
                null, 2, "table rows", "max_rows"));
        c.add(new Case("fixed-steps-bound", "1 s of Heun steps of 1e-15 s",
                withStages("[{run: {duration: 1.0}}]") + "integrator: {method: heun, step: 1.0e-15}\n"
                        + "output: {table_interval: 1.0e-3}\n", null, 2, "fixed steps", "dormand-prince"));
        // what check once passed and run refused
        c.add(new Case("surrogate-layers-fitted", "`demag: {method: surrogate, far_field: fitted}` on a grid of two "
                + "layers", base("cells: [4, 2, 1]", "cells: [40, 20, 2]") + "demag: {method: surrogate, far_field: "
                + "fitted}\n", null, 2, "demag", "2 layers need far_field: smeared"));
        c.add(new Case("surrogate-layers-model", "`demag: {method: surrogate, model: FILE}` on a grid of two layers",
                base("cells: [4, 2, 1]", "cells: [40, 20, 2]") + "demag: {method: surrogate, model: FILE}\n", null, 2,
                "demag", "a model file holds one layer"));
        c.add(new Case("surrogate-k-max", "`demag: {method: surrogate, k_max_R: 1.0e6}`",
                BASE + "demag: {method: surrogate, k_max_R: 1.0e6}\n", null, 2, "demag.k_max_R",
                "expected a number > 0 and <= 1000"));
        c.add(new Case("surrogate-basis", "`k_max_R: 999` on a 4 x 4 um film: a basis of 1e9 harmonics",
                base("cells: [4, 2, 1]", "cells: [1000, 1000, 1]") + "demag: {method: surrogate, k_max_R: 999}\n",
                null, 2, "harmonics per channel", "lower k_max_R"));
        c.add(new Case("surrogate-no-far-zone", "`demag: {method: surrogate}` on a 4 x 2 grid, inside the near radius",
                BASE + "demag: {method: surrogate}\n", null, 2, "demag", "no far zone", "use the exact method"));
        c.add(new Case("model-missing", "`demag: {method: surrogate, model: missing.h5}`",
                BASE + "demag: {method: surrogate, model: missing.h5}\n", null, 2, "demag.model", "does not exist"));
        c.add(new Case("initial-missing", "`initial: {file: {path: nowhere}}`",
                base("initial: {uniform: [1, 0, 0]}", "initial: {file: {path: nowhere}}"), null, 2,
                "initial.file.path", "does not exist"));
        c.add(new Case("initial-is-a-file", "`initial: {file: {path: FILE}}` naming a file, not a run directory",
                base("initial: {uniform: [1, 0, 0]}", "initial: {file: {path: FILE}}"), null, 2,
                "initial.file.path", "is a file; expected an earlier run's output directory"));
        // failures while running: exit 3, frames kept
        c.add(new Case("relax-non-finite", "`Ms: 1.0e308`: the relaxation meets infinite energies",
                base("Ms: 8.0e5", "Ms: 1.0e308"), null, 3, "failed", "not a finite number"));
        c.add(new Case("fixed-step-too-large", "Heun with a 10 ps step at alpha = 0",
                base("alpha: 0.1", "alpha: 0").replace("stages: [{relax: {}}]", "stages: [{run: {duration: "
                        + "1.0e-10, field: {mT: [0, 0, 100]}}}]") + "integrator: {method: heun, step: 1.0e-11}\n"
                        + "output: {table_interval: 1.0e-11}\n", null, 3, "turned m by",
                        "use a step of at most"));
        // the field command
        c.add(new Case("field-tiny-prism", "`field` with a source of sides 1e-300 m", null, new String[] {"--sources",
            "DIR/tiny.csv", "--points", "DIR/points.csv", "--out", "DIR/H.csv"}, 2, "not finite",
                "nothing was written"));
        c.add(new Case("field-out-is-input", "`field --out` naming the sources file", null, new String[] {
            "--sources", "DIR/tiny.csv", "--points", "DIR/points.csv", "--out", "DIR/tiny.csv"}, 2,
                "is also an input file"));
        c.add(new Case("field-threads", "`field --threads 100000`", null, new String[] {"--sources", "DIR/tiny.csv",
            "--points", "DIR/points.csv", "--out", "DIR/H.csv", "--threads", "100000"}, 2, "--threads must be from 1 to 1024"));
        // finite temperature (issue 14)
        String warm = withStages("[{run: {duration: 1.0e-12}}]");
        c.add(new Case("temperature-negative", "`temperature: -5`", warm + "temperature: -5\n", null, 2,
                "temperature", "got '-5'; expected a temperature in K (a number >= 0)"));
        c.add(new Case("temperature-overflow", "`temperature: 1e999`", warm + "temperature: 1e999\n", null, 2,
                "temperature", "overflows"));
        c.add(new Case("temperature-sinusoid-below-zero", "a temperature sinusoid dipping below 0 K",
                warm + "temperature: {sinusoid: {offset: 10, amplitude: 20, frequency: 1.0e9}}\n", null, 2,
                "temperature.sinusoid.amplitude", "expected |amplitude| <= offset"));
        c.add(new Case("relax-temperature", "`relax: {temperature: 300}`",
                withStages("[{relax: {temperature: 300}}]"), null, 2, "stages[0].relax.temperature",
                "a relaxation is deterministic"));
        c.add(new Case("seed-negative", "`seed: -1`", warm + "temperature: 300\nseed: -1\n", null, 2, "seed",
                "expected an integer from 0 to 999999999999999999"));
        c.add(new Case("seed-too-large", "`seed: 12345678901234567890`", warm
                + "temperature: 300\nseed: 12345678901234567890\n", null, 2, "seed", "expected an integer from 0"));
        c.add(new Case("thermal-rk4", "`rk4` at T > 0", warm + "temperature: 300\nintegrator: {method: rk4, "
                + "step: 1.0e-15}\n", null, 2, "integrator.method", "rk4 is refused above 0 K"));
        c.add(new Case("thermal-rk46", "`rk46` at T > 0", warm + "temperature: 300\nintegrator: {method: rk46}\n",
                null, 2, "integrator.method", "rk46 is refused above 0 K"));
        c.add(new Case("rk46-step", "`rk46` with a fixed step", BASE + "integrator: {method: rk46, step: 1.0e-14}\n",
                null, 2, "integrator.step", "rk46 adapts its step"));
        c.add(new Case("thermal-prk48", "`prk48` at T > 0", warm + "temperature: 300\nintegrator: {method: prk48}\n",
                null, 2, "integrator.method", "prk48 is refused above 0 K"));
        c.add(new Case("thermal-prk410", "`prk410` at T > 0", warm + "temperature: 300\n"
                + "integrator: {method: prk410}\n", null, 2, "integrator.method", "prk410 is refused above 0 K"));
        c.add(new Case("prk48-step", "`prk48` with a fixed step", BASE
                + "integrator: {method: prk48, step: 1.0e-14}\n", null, 2, "integrator.step", "prk48 adapts its step"));
        c.add(new Case("thermal-heun-step", "a Heun step too long for the thermal agitation", warm
                + "temperature: 300\nintegrator: {method: heun, step: 1.0e-11}\n", null, 2, "integrator.step",
                "rad rms per step"));
        c.add(new Case("thermal-hysteresis-rate", "a hysteresis stage at T > 0 without `rate`",
                withStages("[{hysteresis: {from: {mT: [50, 0, 0]}, to: {mT: [-50, 0, 0]}, steps: 4}}]")
                        + "temperature: 300\n", null, 2, "stages[0].hysteresis", "give rate"));
        // chiral and interlayer couplings (issue 15)
        c.add(new Case("dmi-no-neighbours", "`Dind` on separated prisms", """
                geometry: {prisms: {list: [{centre: [0, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]},
                  {centre: [1.0e-8, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]}]}}
                materials: [{Ms: 8.0e5, A: 0, alpha: 0.1, Dind: 3.0e-3}]
                initial: {uniform: [0, 0, 1]}
                demag: {method: none}
                stages: [{relax: {}}]
                """, null, 2, "materials", "dmi-interfacial term cannot be built", "side by side"));
        c.add(new Case("dmi-overflow", "`Dind: 1e999`", base("alpha: 0.1}", "alpha: 0.1, Dind: 1e999}"), null, 2,
                "materials[0].Dind", "overflows"));
        c.add(new Case("interlayer-not-facing", "interlayer regions side by side", """
                geometry: {grid: {cells: [2, 1, 1], cell_size: [2.0e-9, 2.0e-9, 2.0e-9], regions: [
                  {region: 0, shape: {rectangle: {centre: [1.0e-9, 1.0e-9], size: [2.0e-9, 2.0e-9]}}},
                  {region: 1, shape: {rectangle: {centre: [3.0e-9, 1.0e-9], size: [2.0e-9, 2.0e-9]}}}]}}
                materials: [{region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}, {region: 1, Ms: 8.0e5, A: 0, alpha: 0.1}]
                interlayer: [{regions: [0, 1], J1: -1.0e-3}]
                initial: {uniform: [0, 0, 1]}
                demag: {method: none}
                stages: [{relax: {}}]
                """, null, 2, "interlayer", "do not face each other"));
        c.add(new Case("interlayer-same-region", "`interlayer: [{regions: [0, 0], ...}]`",
                BASE + "interlayer: [{regions: [0, 0], J1: -1.0e-3}]\n", null, 2, "interlayer[0].regions",
                "the same region twice"));
        c.add(new Case("interlayer-j1-word", "`interlayer: [{..., J1: strong}]`",
                BASE + "interlayer: [{regions: [0, 1], J1: strong}]\n", null, 2, "interlayer[0].J1",
                "got 'strong'"));
        c.add(new Case("initial-region", "a per-region initial state for a region without a material",
                base("initial: {uniform: [1, 0, 0]}", "initial: [{uniform: [1, 0, 0]}, {region: 3, skyrmion: "
                        + "{centre: [0, 0], radius: 2.0e-9}}]"), null, 2, "initial[1].region", "got region 3"));
        c.add(new Case("skyrmion-radius", "`skyrmion: {radius: -1e-9}`", base("initial: {uniform: [1, 0, 0]}",
                "initial: {skyrmion: {centre: [0, 0], radius: -1.0e-9}}"), null, 2, "initial.skyrmion.radius",
                "expected a number > 0 (m)"));
        // spin-transfer torque (issue 16)
        c.add(new Case("zhang-li-prisms", "`Pol` on separated prisms (no gradient)", """
                geometry: {prisms: {list: [{centre: [0, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]},
                  {centre: [5.0e-9, 0, 0], size: [2.0e-9, 2.0e-9, 2.0e-9]}]}}
                materials: [{Ms: 8.0e5, A: 1.3e-11, alpha: 0.1, Pol: 0.5}]
                initial: {uniform: [1, 0, 0]}
                demag: {method: none}
                stages: [{run: {duration: 1.0e-12, current: {A_per_m2: [1.0e12, 0, 0]}}}]
                """, null, 2, "materials", "zhang-li torque cannot be built", "shares none"));
        c.add(new Case("current-unit", "`current: {mA: [1, 0, 0]}`",
                withStages("[{run: {duration: 1.0e-12, current: {mA: [1, 0, 0]}}}]"), null, 2,
                "stages[0].run.current", "expected one of A_per_m2, ramp, sinusoid, table"));
        c.add(new Case("current-drives-nothing", "a current with no `Pol`, `fixed_layer` or `sot_polarisation`",
                withStages("[{run: {duration: 1.0e-12, current: {A_per_m2: [1.0e12, 0, 0]}}}]"), null, 2,
                "stages[0].run.current", "a current, but it drives nothing"));
        c.add(new Case("fixed-layer-length", "`fixed_layer: [0, 0, 2]` (not a unit vector)",
                base("alpha: 0.1", "alpha: 0.1, Pol: 0.5, fixed_layer: [0, 0, 2]"), null, 2,
                "materials[0].fixed_layer", "(length 2); expected a unit vector"));
        // formats (issue 18)
        c.add(new Case("formats-without-h5", "`output: {formats: [ovf]}`", BASE + "output: {formats: [ovf]}\n", null,
                2, "output.formats", "the HDF5 frames are always written"));
        c.add(new Case("formats-unknown", "`output: {formats: [h5, vtk]}`", BASE + "output: {formats: [h5, vtk]}\n",
                null, 2, "output.formats[1]", "expected one of h5, ovf"));
        return c;
    }

    /** 48 aliases: 24 lists, each holding the one before twice, 2^25 nodes expanded from about 1 KB. */
    static String aliasBomb() {
        StringBuilder b = new StringBuilder(BASE).append("validation:\n  a0: &a0 [x, x]\n");
        for (int k = 1; k <= 24; k++) {
            b.append("  a").append(k).append(": &a").append(k).append(" [*a").append(k - 1).append(", *a")
                    .append(k - 1).append("]\n");
        }
        return b.toString();
    }
}
