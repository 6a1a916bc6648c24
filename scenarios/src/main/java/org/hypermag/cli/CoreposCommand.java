package org.hypermag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.output.AtomicTextFile;
import org.hypermag.output.RunReader;
import org.hypermag.output.TablePlots;
import org.hypermag.output.VortexCore;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag corepos RUN | FILE.ovf...}: the vortex core's position in every frame (mumax3's ext_corepos). */
@Command(name = "corepos",
        description = {"The position of a vortex core in every frame of a run on a grid, or in OVF files (OOMMF's "
                + ".omf, mumax3's .ovf): m_z averaged through the thickness, the column of largest |m_z|, and a "
                + "parabola through it and its neighbours along x and y (as mumax3's ext_corepos).",
            "A run gives RUN/corepos.csv (columns t [s], stage, point, core_x [m], core_y [m], core_mz) and "
                    + "RUN/corepos.png (the trajectory, with --reference's beside it); OVF files "
                    + "give lines of file, t [s, from the file's 'Total simulation time', else NaN], core_x, "
                    + "core_y, core_mz on standard output (or --out)."},
        mixinStandardHelpOptions = true)
final class CoreposCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN|FILE", description = "A run's output directory, or OVF files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "CSV", description = "Where to write the table (default: RUN/corepos.csv "
            + "for a run, standard output for OVF files).")
    Path out;

    @Option(names = "--reference", paramLabel = "CSV", description = "With a run: a trajectory to draw beside "
            + "the run's in corepos.png, a CSV file with a header line naming core_x and core_y (m; lines starting "
            + "with # are comments), such as one this command wrote for another code's OVF files.")
    Path reference;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
            Path dir = inputs.get(0);
            RunReader run = Main.openRun(dir);
            List<double[]> rows;
            try {
                rows = VortexCore.trajectory(run);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(dir + ": " + e.getMessage());
            }
            Path target = out != null ? out : dir.resolve("corepos.csv");
            AtomicTextFile.write(target, w -> {
                w.write("t,stage,point,core_x,core_y,core_mz\n");
                for (double[] r : rows) {
                    w.write(String.format(Locale.ROOT, "%.9e,%d,%d,%.9e,%.9e,%.9f%n", r[0], (int) r[1], (int) r[2],
                            r[3], r[4], r[5]));
                }
            });
            stdout.println("wrote " + target.toAbsolutePath().normalize() + " (" + rows.size() + " frames)");
            List<String> names = new ArrayList<>(List.of("hypermag: " + dir.toAbsolutePath().normalize()
                    .getFileName()));
            List<double[][]> paths = new ArrayList<>();
            paths.add(new double[][] {rows.stream().mapToDouble(r -> r[3]).toArray(),
                rows.stream().mapToDouble(r -> r[4]).toArray()});
            if (reference != null) {
                names.add(reference.getFileName().toString());
                paths.add(readTrajectory(reference));
            }
            Path png = target.resolveSibling("corepos.png");
            TablePlots.coreTrajectories("vortex core from its first position", names, paths, png);
            stdout.println("wrote " + png.toAbsolutePath().normalize());
            return 0;
        }
        if (reference != null) {
            throw new Main.UsageException("--reference draws beside a run's trajectory; give a run directory");
        }
        List<String> lines = new ArrayList<>();
        lines.add("file,t,core_x,core_y,core_mz");
        for (Path f : inputs) {
            if (Files.isDirectory(f)) {
                throw new Main.UsageException(f + ": a directory among OVF files; give one run directory alone");
            }
            OvfData d = OvfReader.read(f);
            double[] c;
            try {
                c = VortexCore.locate(d);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(f + ": " + e.getMessage());
            }
            lines.add(String.format(Locale.ROOT, "%s,%.9e,%.9e,%.9e,%.9f", f.getFileName(), d.simulationTime(), c[0],
                    c[1], c[2]));
        }
        if (out == null) {
            lines.forEach(stdout::println);
        } else {
            AtomicTextFile.write(out, w -> {
                for (String l : lines) {
                    w.write(l + "\n");
                }
            });
            stdout.println("wrote " + out.toAbsolutePath().normalize() + " (" + inputs.size() + " files)");
        }
        return 0;
    }

    /** @return {x[], y[]} (m) from a CSV file with core_x and core_y columns */
    private static double[][] readTrajectory(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Main.UsageException(csv + ": cannot read (" + e.getMessage() + ")");
        }
        int header = -1, cx = -1, cy = -1;
        List<double[]> xy = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (header < 0) {
                header = n;
                cx = List.of(f).indexOf("core_x");
                cy = List.of(f).indexOf("core_y");
                if (cx < 0 || cy < 0) {
                    throw new Main.UsageException(csv + ":" + (n + 1) + ": the header names no core_x and core_y "
                            + "columns: " + line);
                }
                continue;
            }
            try {
                xy.add(new double[] {Double.parseDouble(f[cx]), Double.parseDouble(f[cy])});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new Main.UsageException(csv + ":" + (n + 1) + ": expected numbers in columns core_x and "
                        + "core_y: " + line);
            }
        }
        if (xy.isEmpty()) {
            throw new Main.UsageException(csv + ": no rows");
        }
        return new double[][] {xy.stream().mapToDouble(p -> p[0]).toArray(),
            xy.stream().mapToDouble(p -> p[1]).toArray()};
    }
}
