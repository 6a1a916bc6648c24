package org.hypermag.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.output.RunConvert;
import org.hypermag.output.RunReader;
import org.hypermag.output.RunXdmf;
import org.hypermag.output.ovf.OvfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag convert RUN --to ovf|vtk|xdmf}: a run's frames for other tools. */
@Command(name = "convert",
        description = {"Writes a run's frames for other tools: OVF 2.0 files (muview, mumax3-convert, OOMMF's mmDisp; "
                + "RUN/ovf/m000000.ovf, one per frame and field), VTK XML files (ParaView, VisIt; RUN/vtk/frame000000.vti "
                + "for a grid, .vtu points for other geometries, and RUN/vtk/frames.pvd, the time series), or RUN/run.xdmf "
                + "again (every run writes it: ParaView opens the HDF5 frames through it as a time series)."},
        mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run's output directory.")
    Path dir;

    @Option(names = "--to", required = true, paramLabel = "ovf|vtk|xdmf", description = "What to write.")
    String to;

    @Option(names = "--frames", paramLabel = "A:B", description = "Frames A (inclusive) to B (exclusive), as in "
            + "Python; either may be left out, negative counts from the end; or one index K. Default: all.")
    String frames;

    @Option(names = "--fields", paramLabel = "NAMES", split = ",", description = "Fields: m (default), "
            + "demag_field (or H_demag), effective_field (or H_eff); those the frames hold.")
    List<String> fields;

    @Option(names = "--format", paramLabel = "b4|b8|text", description = "OVF data format (default b4, as mumax3 "
            + "writes).")
    String format = "b4";

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default RUN/ovf or RUN/vtk).")
    Path out;

    @Override
    public Integer call() {
        RunReader run = Main.openRun(dir);
        String target = to.toLowerCase(Locale.ROOT);
        if (target.equals("xdmf")) {
            spec.commandLine().getOut().println("wrote " + RunXdmf.write(run).toAbsolutePath().normalize());
            return 0;
        }
        if (!target.equals("ovf") && !target.equals("vtk")) {
            throw new Main.UsageException("--to " + to + ": expected ovf, vtk or xdmf");
        }
        List<Integer> ks = frameRange(frames, run.frameCount());
        List<String> fs = new ArrayList<>();
        for (String f : fields == null ? List.of("m") : fields) {
            String name = switch (f.strip()) {
                case "H_demag", "B_demag" -> "demag_field";
                case "H_eff", "B_eff" -> "effective_field";
                default -> f.strip();
            };
            if (!RunConvert.VECTOR_FIELDS.contains(name)) {
                throw new Main.UsageException("--fields " + f + ": expected m, demag_field (H_demag) or "
                        + "effective_field (H_eff)");
            }
            fs.add(name);
        }
        Path where = out != null ? out : dir.resolve(target);
        List<Path> written;
        if (target.equals("ovf")) {
            OvfWriter.Format fmt = OvfWriter.Format.parse(format);
            if (fmt == null) {
                throw new Main.UsageException("--format " + format + ": expected b4, b8 or text");
            }
            written = RunConvert.toOvf(run, ks, fs, where, fmt);
        } else {
            written = RunConvert.toVtk(run, ks, fs, where);
        }
        spec.commandLine().getOut().println("wrote " + written.size() + " files in " + where.toAbsolutePath()
                .normalize());
        return 0;
    }

    /** @return the frame indices an A:B (or K) selection names, in order */
    static List<Integer> frameRange(String sel, int count) {
        if (count == 0) {
            throw new Main.UsageException("the run has no frames");
        }
        int a = 0, b = count;
        if (sel != null) {
            String[] p = sel.split(":", -1);
            try {
                if (p.length == 1) {
                    a = index(Integer.parseInt(p[0].strip()), count);
                    b = a + 1;
                } else if (p.length == 2) {
                    a = p[0].isBlank() ? 0 : index(Integer.parseInt(p[0].strip()), count);
                    b = p[1].isBlank() ? count : Math.min(count, index(Integer.parseInt(p[1].strip()), count + 1));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new Main.UsageException("--frames " + sel + ": expected A:B or K (integers)");
            }
            if (a < 0 || a >= count || b <= a) {
                throw new Main.UsageException("--frames " + sel + ": selects no frame; the run has " + count
                        + " (0.." + (count - 1) + ")");
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int k = a; k < b; k++) {
            out.add(k);
        }
        return out;
    }

    private static int index(int k, int count) {
        return k < 0 ? k + count : k;
    }
}
