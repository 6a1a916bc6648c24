package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hypermag.output.AtomicTextFile;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hypermag run}: the main job. Until the dynamics land it evaluates the exact demagnetising field of the
 * built-in example, the standard-problem-4 film.
 */
@Command(name = "run",
        description = {
            "Runs the built-in example: the exact demagnetising field of the standard-problem-4 film "
                    + "(500 x 125 x 3 nm, 128 x 32 x 1 cells, Ms = 8e5 A/m, uniformly magnetised along x), "
                    + "by FFT convolution of the cell-averaged tensor.",
            "Writes DIR/demag-field.csv (cell centre x,y,z in m; hx,hy,hz in A/m)."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    static final double MS = 8e5;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output directory (default: out).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RegularGrid grid = new RegularGrid(128, 32, 1, 500e-9 / 128, 125e-9 / 32, 3e-9);
        out.println("hypermag run: built-in example, standard-problem-4 film, " + grid);
        long t0 = System.nanoTime();
        FftDemag demag = new FftDemag(grid, WorkerPool.shared());
        long t1 = System.nanoTime();
        VectorField m = new VectorField(grid.cellCount());
        for (int i = 0; i < m.size(); i++) {
            m.set(i, MS, 0, 0);
        }
        VectorField h = new VectorField(grid.cellCount());
        demag.addField(m, h);
        long t2 = System.nanoTime();
        double mean = 0;
        for (int i = 0; i < h.size(); i++) {
            mean += h.x[i] / h.size();
        }
        double[] block = new double[6];
        NewellTensor.evaluate(0, 0, 0, 500e-9, 125e-9, 3e-9, block, 0);
        out.printf("  demag: %s%n", demag.describe());
        out.printf("  set-up %.1f ms, one field evaluation %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        out.printf("  mean H_x = %.6e A/m, i.e. demagnetising factor N_x = %.8f (whole-film analytic value %.8f)%n",
                mean, -mean / MS, block[0]);
        Path file = outDir.resolve("demag-field.csv");
        AtomicTextFile.write(file, w -> {
            w.write("x,y,z,hx,hy,hz\n");
            for (int k = 0, c = 0; k < grid.nz(); k++) {
                for (int j = 0; j < grid.ny(); j++) {
                    for (int i = 0; i < grid.nx(); i++, c++) {
                        w.write(grid.centreX(i) + "," + grid.centreY(j) + "," + grid.centreZ(k) + "," + h.x[c] + ","
                                + h.y[c] + "," + h.z[c] + "\n");
                    }
                }
            }
        });
        out.println("  wrote " + file.toAbsolutePath().normalize());
        return 0;
    }
}
