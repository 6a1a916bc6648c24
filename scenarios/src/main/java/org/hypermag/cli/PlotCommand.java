package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hypermag.output.TableData;
import org.hypermag.output.TablePlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag plot DIR}: PNG plots of a run's table. */
@Command(name = "plot",
        description = "Writes DIR/m.png (<m>(t)) and DIR/energy.png (energies against t) from DIR/table.csv, and "
                + "DIR/hysteresis.png from DIR/hysteresis.csv when the run has a hysteresis stage.",
        mixinStandardHelpOptions = true)
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run's output directory.")
    Path dir;

    @Override
    public Integer call() {
        Path table = dir.resolve("table.csv");
        if (!Files.isRegularFile(table)) {
            throw new Main.UsageException(table + ": not found; expected the output directory of a run");
        }
        TableData data;
        try {
            data = TableData.read(table);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        if (data.rows().isEmpty()) {
            throw new Main.UsageException(table + ": no rows to plot");
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Path m = dir.resolve("m.png"), e = dir.resolve("energy.png");
        TablePlots.magnetisation(data, "<m>(t), " + name, m);
        TablePlots.energies(data, "energies, " + name, e);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + m.toAbsolutePath().normalize());
        out.println("wrote " + e.toAbsolutePath().normalize());
        Path hyst = dir.resolve("hysteresis.csv");
        if (Files.isRegularFile(hyst)) {
            TableData h = TableData.read(hyst);
            if (!h.rows().isEmpty()) {
                Path png = dir.resolve("hysteresis.png");
                TablePlots.hysteresis(h, "hysteresis, " + name, png);
                out.println("wrote " + png.toAbsolutePath().normalize());
            }
        }
        return 0;
    }
}
