package org.hypermag.surrogate.paper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the Table-2-like numbers: trains each named model with its default settings, evaluates it with
 * {@link PaperProtocol} and prints a Markdown table; optionally saves each model file (with its accuracy).
 *
 * <p>Usage: {@code PaperTable [models (comma-separated, default fourier,fc-ilr,linear)] [output directory]
 * [evaluation seed (default 1001)]}. Not part of the unit tests (it runs for minutes).
 */
public final class PaperTable {
    private PaperTable() {
    }

    /**
     * @param args models, output directory, evaluation seed (all optional)
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        List<String> names = args.length > 0 ? Arrays.asList(args[0].split(",")) : PaperModels.NAMES;
        Path dir = args.length > 1 ? Path.of(args[1]) : null;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1001;
        List<String> rows = new ArrayList<>();
        for (String name : names) {
            Settings s = Settings.defaults(name);
            PaperModel m = PaperModels.train(name, s, System.out::println);
            long t = System.nanoTime();
            PaperProtocol.Report r = PaperProtocol.evaluate(m, seed);
            System.out.printf("%s: evaluated in %.1f s; training %s%n", name, (System.nanoTime() - t) * 1e-9,
                    m.training());
            rows.add(r.tableRow() + " " + m.parameterCount() + " | " + m.training().get("training.seconds") + " |");
            if (dir != null) {
                Files.createDirectories(dir);
                m.toFile(r).write(dir.resolve(name + ".h5"));
            }
            System.out.println(r.tableRow());
        }
        System.out.println("| model | single Δφ % | single ΔH % | multi (2–20) Δφ % | multi (2–20) ΔH % | parameters "
                + "| training s |\n|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
