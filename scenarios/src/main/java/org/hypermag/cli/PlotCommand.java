package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hypermag.output.RunPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag plot DIR}: PNG plots of a run, those its stages mean something for; or of a sweep. */
@Command(name = "plot",
        description = {"Writes the plots a run's stages mean something for: DIR/m.png (<m>(t)) and DIR/energy.png "
                + "(energies against t) when run stages advanced time, DIR/relax.png (energy and max torque against "
                + "iteration) from DIR/relax.csv for relax stages, DIR/hysteresis.png from DIR/hysteresis.csv.",
            "For a sweep's directory (hypermag sweep): --x PARAMETER --y LANDMARK writes DIR/plot-Y-vs-X.png from "
                + "DIR/sweep.csv, one series per combination of the other parameters and their mean."},
        mixinStandardHelpOptions = true)
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run's output directory.")
    Path dir;

    @picocli.CommandLine.Option(names = "--snapshot", description = "Only a snapshot of m (in-plane angle as hue, "
            + "m_z as lightness, as mumax3's): DIR/snapshot-frameK.png.")
    boolean snapshot;

    @picocli.CommandLine.Option(names = "--frame", paramLabel = "K", description = "With --snapshot: the frame "
            + "(negative from the end; default -1, the last).")
    int frame = -1;

    @picocli.CommandLine.Option(names = "--x", paramLabel = "COLUMN", description = "Sweeps: the parameter along x "
            + "(a key path, or its last part: temperature).")
    String x;

    @picocli.CommandLine.Option(names = "--y", paramLabel = "COLUMN", description = "Sweeps: the landmark along y "
            + "(Hc_mT or Hc, Mr, mx, my, mz, t_zero_s, skyrmion_radius_m, wall_s).")
    String y;

    @Override
    public Integer call() {
        if (org.hypermag.output.SweepPlot.isSweep(dir)) {
            if (x == null || y == null) {
                throw new Main.UsageException(dir + " holds a sweep: name what to plot, e.g. --x temperature --y Hc");
            }
            Path png;
            try {
                png = org.hypermag.output.SweepPlot.draw(dir, x, y);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
            spec.commandLine().getOut().println("wrote " + png.toAbsolutePath().normalize());
            return 0;
        }
        if (x != null || y != null) {
            throw new Main.UsageException("--x and --y plot a sweep; " + dir + " holds no sweep.csv");
        }
        Path table = dir.resolve("table.csv");
        if (!Files.isRegularFile(table)) {
            throw new Main.UsageException(table + ": not found; expected the output directory of a run");
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        if (snapshot) {
            org.hypermag.output.RunReader run = Main.openRun(dir);
            int k = frame < 0 ? frame + run.frameCount() : frame;
            if (k < 0 || k >= run.frameCount()) {
                throw new Main.UsageException("--frame " + frame + ": the run has " + run.frameCount() + " frames (0.."
                        + (run.frameCount() - 1) + ")");
            }
            Path png = dir.resolve("snapshot-frame" + k + ".png");
            if (!org.hypermag.output.FrameImage.snapshot(run, k, "m, frame " + k + ", " + name, png)) {
                throw new Main.UsageException(dir + ": the domains are not on a lattice in x-y (a grid); no snapshot");
            }
            spec.commandLine().getOut().println("wrote " + png.toAbsolutePath().normalize());
            return 0;
        }
        List<Path> written;
        try {
            written = RunPlots.draw(dir, name);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (written.isEmpty()) {
            throw new Main.UsageException(dir + ": nothing to plot (no table rows over time, no relaxation log, no "
                    + "hysteresis points)");
        }
        for (Path p : written) {
            out.println("wrote " + p.toAbsolutePath().normalize());
        }
        return 0;
    }
}
