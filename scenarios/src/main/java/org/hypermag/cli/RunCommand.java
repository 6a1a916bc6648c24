package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.integrators.IntegrationException;
import org.hypermag.integrators.Relaxer;
import org.hypermag.output.TableWriter;
import org.hypermag.scenarios.builtin.StandardProblem4;
import org.hypermag.scenarios.sim.Landmarks;
import org.hypermag.scenarios.sim.Simulation;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag run [SCENARIO]}: runs a simulation. Built in: muMAG standard problem 4 with field 1 (the default)
 * or field 2, exact demag by FFT.
 */
@Command(name = "run",
        description = {
            "Runs a simulation and writes DIR/table.csv (t, <m>, energies, max torque, step; SI units).",
            "Built-in scenarios: sp4-field1 (the default) and sp4-field2, muMAG standard problem 4: the S-state of a "
                    + "500 x 125 x 3 nm permalloy film (128 x 32 x 1 cells, exact demag by FFT) is relaxed, then the "
                    + "field is applied for 1 ns."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "sp4-field1", paramLabel = "SCENARIO",
            description = "sp4-field1 (default) or sp4-field2.")
    String scenario;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output directory (default: out).")
    Path outDir;

    @Option(names = "--tolerance", paramLabel = "RAD",
            description = "Error tolerance per step of the Dormand-Prince 5(4) integrator, rad (default: 1e-5).")
    Double tolerance;

    @Override
    public Integer call() {
        int field = switch (scenario) {
            case "sp4-field1" -> 1;
            case "sp4-field2" -> 2;
            default -> throw new Main.UsageException("unknown scenario '" + scenario
                    + "'; built-in scenarios: sp4-field1, sp4-field2");
        };
        if (tolerance != null && !(tolerance > 0)) {
            throw new Main.UsageException("--tolerance must be > 0 rad, got " + tolerance);
        }
        Simulation.Integration integration = tolerance == null ? Simulation.Integration.DEFAULT
                : new Simulation.Integration(tolerance, Double.POSITIVE_INFINITY);
        PrintWriter out = spec.commandLine().getOut();
        Magnet magnet = StandardProblem4.magnet();
        out.printf("hypermag run %s: muMAG standard problem 4, field %d, %s%n", scenario, field, magnet.grid());
        FftDemag demag = new FftDemag(magnet.grid(), WorkerPool.shared());
        out.println("  demag: " + demag.describe());
        Path tablePath = outDir.resolve("table.csv");
        List<double[]> rows = new ArrayList<>();
        long wallStart = System.nanoTime();
        try (TableWriter table = new TableWriter(tablePath)) {
            long[] lastPrint = {System.nanoTime()};
            Simulation sim = new Simulation(magnet, demag, StandardProblem4.initial(), new Simulation.Listener() {
                @Override
                public void row(double[] row) {
                    table.row(row);
                    rows.add(row.clone());
                }

                @Override
                public void progress(double t, double end, long steps) {
                    long now = System.nanoTime();
                    if (now - lastPrint[0] > 2_000_000_000L) {
                        lastPrint[0] = now;
                        out.printf(Locale.ROOT, "  t = %.4f ns of %.4f ns, %d steps%n", t * 1e9, end * 1e9, steps);
                    }
                }
            });
            long t0 = System.nanoTime();
            Relaxer.Result relaxed = sim.relax(null, Relaxer.DEFAULT_TORQUE_TOLERANCE);
            double[] s = rows.get(0);
            out.printf(Locale.ROOT, "  relax: %s (%.1f s)%n", relaxed, (System.nanoTime() - t0) / 1e9);
            out.printf(Locale.ROOT, "  S-state <m> = (%.5f, %.5f, %.5f)%s%n", s[1], s[2], s[3],
                    field == 1 ? "   reference (0.96697, 0.12527, 0) [mumax3]" : "");
            rows.clear();
            long t1 = System.nanoTime();
            long steps = sim.run(StandardProblem4.DURATION, AppliedField.constant(StandardProblem4.field(field)), 1e-12,
                    integration, () -> false);
            double wall = (System.nanoTime() - t1) / 1e9;
            out.printf(Locale.ROOT, "  run 1 ns: %d steps in %.1f s (%.0f steps/s)%n", steps, wall, steps / wall);
            double[] zero = Landmarks.firstZero(rows, 1, 0);
            double[] end = rows.get(rows.size() - 1);
            if (zero != null) {
                out.printf(Locale.ROOT, "  first zero of <mx> at t = %.4f ns, <my> = %.4f, <mz> = %.4f there%s%n",
                        zero[0] * 1e9, zero[2], zero[3],
                        field == 1 ? "   reference 0.138 ns, 0.73, -0.13 [OOMMF]" : "");
            }
            out.printf(Locale.ROOT, "  <m>(1 ns) = (%.5f, %.5f, %.5f)%s%n", end[1], end[2], end[3],
                    field == 1 ? "   reference (-0.98461, 0.12604, 0.04327) [mumax3]" : "");
        } catch (IntegrationException e) {
            String where = e.domain() < 0 ? "" : String.format(Locale.ROOT, " (domain %d is the cell centred at "
                    + "(%.4g, %.4g, %.4g) m)", e.domain(), magnet.prisms().cx(e.domain()), magnet.prisms().cy(e.domain()),
                    magnet.prisms().cz(e.domain()));
            throw new Main.UsageException("the integration stopped: " + e.getMessage() + where + "; the table up to t = "
                    + e.time() + " s is in " + tablePath);
        }
        out.printf(Locale.ROOT, "  wrote %s (%.1f s in all)%n", tablePath.toAbsolutePath().normalize(),
                (System.nanoTime() - wallStart) / 1e9);
        return 0;
    }
}
