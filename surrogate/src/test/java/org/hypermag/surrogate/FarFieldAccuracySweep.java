package org.hypermag.surrogate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The accuracy tables of docs/surrogate.md: the far-field surrogate against the exact field on the three test
 * geometries, for a range of near radii R and basis sizes (k_max·R). A measurement, not a check: it runs only when
 * asked, {@code mvn -B test -pl surrogate -am -Dtest=FarFieldAccuracySweep -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhypermag.sweep=true}, and writes {@code surrogate/target/far-field-accuracy.md}. Optional properties narrow or
 * widen it: {@code hypermag.sweep.radii} and {@code hypermag.sweep.kr} (comma-separated numbers),
 * {@code hypermag.sweep.margins} (period margins in R, default 4), {@code hypermag.sweep.constructions} (smeared,
 * fitted; default both) and {@code hypermag.sweep.geometries} (sp4, granular, islands).
 */
@EnabledIfSystemProperty(named = "hypermag.sweep", matches = "true")
class FarFieldAccuracySweep {
    private static final double[] NEAR_RADII = numbers("hypermag.sweep.radii", "6,8,10,12");
    private static final double[] K_MAX_R = numbers("hypermag.sweep.kr", "6,8,10");
    private static final double[] MARGINS = numbers("hypermag.sweep.margins", "4");

    private static double[] numbers(String property, String fallback) {
        String[] parts = System.getProperty(property, fallback).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i].strip());
        }
        return v;
    }

    @Test
    void sweepNearRadiusAndBasisSize() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| geometry | N | construction | R (sizes) | k_max R | margin (R) | L per channel | near pairs per "
                + "domain | setup (s) | random | smooth | uniform z | uniform (1,1,1) | vortex |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        WorkerPool pool = WorkerPool.shared();
        String[] constructions = System.getProperty("hypermag.sweep.constructions", "smeared,fitted").split(",");
        for (String name : System.getProperty("hypermag.sweep.geometries", "sp4,granular,islands").split(",")) {
            RegularGrid g = name.equals("sp4") ? FarFieldSurrogateTest.sp4Grid() : null;
            Prisms p = switch (name) {
                case "sp4" -> g.toPrisms();
                case "granular" -> FarFieldSurrogateTest.granular();
                default -> FarFieldSurrogateTest.islands();
            };
            DemagField exact = g != null ? new FftDemag(g, pool) : DirectDemag.forPrisms(p, 1L << 31, pool);
            VectorField[] ms = {Patterns.random(p, 1), Patterns.smooth(p), Patterns.uniform(p, 0, 0, 1),
                Patterns.uniform(p, 1, 1, 1), Patterns.vortex(p)};
            VectorField[] hs = new VectorField[ms.length];
            for (int k = 0; k < ms.length; k++) {
                hs[k] = Patterns.field(exact, ms[k]);
            }
            for (String made : constructions) {
                for (double margin : MARGINS) {
                    for (double r : NEAR_RADII) {
                        for (double kr : K_MAX_R) {
                            FarFieldSettings st = new FarFieldSettings(r, kr, margin)
                                    .withConstruction(FarFieldSettings.Construction.of(made.strip()));
                            long t0 = System.nanoTime();
                            FarFieldModel model;
                            FarFieldSurrogate s;
                            if (g != null) {
                                model = FarFieldModel.fitGrid(g, st, pool, FarFieldModel.Progress.NONE);
                                s = FarFieldSurrogate.forGrid(g, null, model, pool);
                            } else {
                                double[] b = Patterns.bounds(p);
                                model = FarFieldModel.fitPrisms(p, b[1] - b[0], b[3] - b[2], st, pool,
                                        FarFieldModel.Progress.NONE);
                                s = FarFieldSurrogate.forPrisms(p, model, pool);
                            }
                            double setup = (System.nanoTime() - t0) * 1e-9;
                            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f | %.0f | %d | %.0f | "
                                    + "%.2f |", name, p.size(), made.strip(), r, kr, margin, model.basisSize(),
                                    (double) s.nearPairs() / p.size(), setup));
                            for (int k = 0; k < ms.length; k++) {
                                double[] e = Patterns.errors(Patterns.field(s, ms[k]), hs[k]);
                                md.append(String.format(Locale.ROOT, " %.2g / %.2g |", 100 * e[0], 100 * e[1]));
                            }
                            md.append('\n');
                            System.out.println(md.substring(md.lastIndexOf("\n", md.length() - 2) + 1).strip());
                        }
                    }
                }
            }
        }
        Path out = Path.of("target", "far-field-accuracy.md");
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
