package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hypermag.solver.demag.SurfaceChargeQuadrature;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    @Test
    void fieldMatchesAnIndependentQuadratureAtRandomPointsInsideAndOutsideSources() throws IOException {
        Random rnd = new Random(2024);
        int ns = 12, np = 30;
        double[][] src = new double[ns][9];
        StringBuilder s = new StringBuilder("x,y,z,sx,sy,sz,mx,my,mz\n");
        for (int j = 0; j < ns; j++) {
            double[] r = src[j];
            r[0] = 40e-9 * rnd.nextDouble();
            r[1] = 40e-9 * rnd.nextDouble();
            r[2] = 10e-9 * rnd.nextDouble();
            r[3] = 2e-9 + 8e-9 * rnd.nextDouble();
            r[4] = 2e-9 + 8e-9 * rnd.nextDouble();
            r[5] = 1e-9 + 4e-9 * rnd.nextDouble();
            for (int k = 6; k < 9; k++) {
                r[k] = 8e5 * (2 * rnd.nextDouble() - 1);
            }
            List<String> f = new ArrayList<>();
            for (double v : r) {
                f.add(fmt(v));
            }
            s.append(String.join(",", f)).append('\n');
        }
        double[][] pts = new double[np][3];
        StringBuilder p = new StringBuilder("# evaluation points (m)\nx, y, z\n");
        for (int i = 0; i < np; i++) {
            if (i % 3 == 0) {
                // inside source i/3, away from its faces
                double[] r = src[(i / 3) % ns];
                for (int k = 0; k < 3; k++) {
                    pts[i][k] = r[k] + (rnd.nextDouble() - 0.5) * 0.9 * r[3 + k];
                }
            } else {
                pts[i] = new double[] {-20e-9 + 80e-9 * rnd.nextDouble(), -20e-9 + 80e-9 * rnd.nextDouble(),
                    -10e-9 + 30e-9 * rnd.nextDouble()};
            }
            p.append(fmt(pts[i][0])).append(", ").append(fmt(pts[i][1])).append(", ").append(fmt(pts[i][2]))
                    .append('\n');
        }
        Path out = dir.resolve("H.csv");
        CliRunner r = CliRunner.run("field", "--sources", write("S.csv", s.toString()).toString(), "--points",
                write("P.csv", p.toString()).toString(), "--demag", "exact", "--out", out.toString());
        assertEquals(0, r.status, r.err);
        List<String> lines = Files.readAllLines(out);
        assertEquals("hx,hy,hz", lines.get(0));
        assertEquals(np + 1, lines.size());

        SurfaceChargeQuadrature quad = new SurfaceChargeQuadrature(1e-14);
        double worst = 0;
        for (int i = 0; i < np; i++) {
            double[] ref = new double[3];
            for (double[] row : src) {
                double[] h = quad.field(pts[i], new double[] {row[0], row[1], row[2]},
                        new double[] {row[3], row[4], row[5]}, new double[] {row[6], row[7], row[8]});
                for (int k = 0; k < 3; k++) {
                    ref[k] += h[k];
                }
            }
            String[] f = lines.get(i + 1).split(",");
            double dx = Double.parseDouble(f[0]) - ref[0], dy = Double.parseDouble(f[1]) - ref[1],
                    dz = Double.parseDouble(f[2]) - ref[2];
            double rel = Math.sqrt(dx * dx + dy * dy + dz * dz)
                    / Math.sqrt(ref[0] * ref[0] + ref[1] * ref[1] + ref[2] * ref[2]);
            worst = Math.max(worst, rel);
        }
        assertTrue(worst <= 1e-9, "worst relative difference " + worst);
    }

    @Test
    void singleCubeGivesMinusOneThirdOfMAtItsCentre() throws IOException {
        Path out = dir.resolve("H.csv");
        CliRunner r = CliRunner.run("field", "--sources",
                write("S.csv", "x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,1e-9,1e-9,1e-9,3e5,0,-6e5\n").toString(),
                "--points", write("P.csv", "x,y,z\n0,0,0\n").toString(), "--out", out.toString());
        assertEquals(0, r.status, r.err);
        String[] f = Files.readAllLines(out).get(1).split(",");
        assertEquals(-1e5, Double.parseDouble(f[0]), 1e-9);
        assertEquals(0, Double.parseDouble(f[1]), 1e-9);
        assertEquals(2e5, Double.parseDouble(f[2]), 1e-9);
    }

    private static final String GOOD_SOURCES = "x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,2e-9,2e-9,2e-9,8e5,0,0\n";
    private static final String GOOD_POINTS = "x,y,z\n5e-9,0,0\n";

    /** Runs the command on bad input, checks the one-line message and that no output file was left. */
    private String rejects(String sources, String points, String... expectedFragments) throws IOException {
        Path out = dir.resolve("H-" + System.nanoTime() + ".csv");
        CliRunner r = CliRunner.run("field", "--sources", write("S.csv", sources).toString(), "--points",
                write("P.csv", points).toString(), "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, r.status, r.err);
        String message = r.err.strip();
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        for (String fragment : expectedFragments) {
            assertTrue(message.contains(fragment), "message '" + message + "' lacks '" + fragment + "'");
        }
        assertFalse(Files.exists(out), "no output file on error");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        return message;
    }

    @Test
    void missingColumnIsReported() throws IOException {
        rejects("x,y,z,sx,sy,mx,my,mz\n0,0,0,1,1,0,0,0\n", GOOD_POINTS, "S.csv:1", "missing column 'sz'",
                "x,y,z,sx,sy,sz,mx,my,mz");
    }

    @Test
    void nonNumberIsReportedWithLineAndColumn() throws IOException {
        rejects(GOOD_SOURCES, "x,y,z\n1e-9,abc,0\n", "P.csv:2:6", "column 'y'", "expected a finite number", "'abc'");
    }

    @Test
    void zeroSizeIsReported() throws IOException {
        rejects("x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,2e-9,0,2e-9,8e5,0,0\n", GOOD_POINTS, "S.csv:2:12", "column 'sy'",
                "> 0", "side length", "'0'");
    }

    @Test
    void negativeSizeIsReported() throws IOException {
        rejects("x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,-2e-9,1e-9,2e-9,8e5,0,0\n", GOOD_POINTS, "S.csv:2:7", "column 'sx'",
                "'-2e-9'");
    }

    @Test
    void notANumberIsReported() throws IOException {
        rejects("x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,2e-9,1e-9,2e-9,NaN,0,0\n", GOOD_POINTS, "S.csv:2", "column 'mx'",
                "'NaN'");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        rejects(GOOD_SOURCES, "", "P.csv", "empty", "x,y,z");
    }

    @Test
    void headerWithoutDataIsReported() throws IOException {
        rejects("# no sources\nx,y,z,sx,sy,sz,mx,my,mz\n", GOOD_POINTS, "S.csv:2", "no data lines");
    }

    @Test
    void wrongNumberOfValuesIsReported() throws IOException {
        rejects(GOOD_SOURCES, "x,y,z\n1e-9,2e-9,0\n1e-9,2e-9\n", "P.csv:3", "expected 3", "found 2");
    }

    @Test
    void unknownColumnIsReported() throws IOException {
        rejects(GOOD_SOURCES, "x,y,z,w\n1,2,3,4\n", "P.csv:1:7", "unknown column 'w'");
    }

    @Test
    void pointOnAnEdgeIsReportedWithBothLines() throws IOException {
        rejects(GOOD_SOURCES + "1e-8,0,0,2e-9,2e-9,2e-9,0,8e5,0\n", "x,y,z\n5e-9,0,0\n1.1e-8,1e-9,0.5e-9\n",
                "P.csv:3", "edge", "source 2 (", "S.csv:3)");
    }

    @Test
    void missingFileIsReported() throws IOException {
        Path out = dir.resolve("H.csv");
        CliRunner r = CliRunner.run("field", "--sources", dir.resolve("nope.csv").toString(), "--points",
                write("P.csv", GOOD_POINTS).toString(), "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("nope.csv: file not found"), r.err);
        assertFalse(Files.exists(out));
    }

    /** A film of 24 x 24 prisms of four sizes on a 5 nm pitch, 3 nm thick, random M (CSV), seeded. */
    private static String filmSources(long seed) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("x,y,z,sx,sy,sz,mx,my,mz\n");
        for (int j = 0; j < 24; j++) {
            for (int i = 0; i < 24; i++) {
                double sx = rnd.nextBoolean() ? 4e-9 : 4.5e-9, sy = rnd.nextBoolean() ? 4e-9 : 4.5e-9;
                double mx = rnd.nextGaussian(), my = rnd.nextGaussian(), mz = rnd.nextGaussian();
                double f = 8e5 / Math.sqrt(mx * mx + my * my + mz * mz);
                s.append(fmt(5e-9 * i)).append(',').append(fmt(5e-9 * j)).append(",1.5e-9,").append(fmt(sx))
                        .append(',').append(fmt(sy)).append(",3e-9,").append(fmt(f * mx)).append(',')
                        .append(fmt(f * my)).append(',').append(fmt(f * mz)).append('\n');
            }
        }
        return s.toString();
    }

    private static double[][] readField(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        double[][] h = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            h[i - 1] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        }
        return h;
    }

    @Test
    void surrogateFitsItselfToTheSourcesAndMatchesTheExactField() throws IOException {
        Random rnd = new Random(7);
        StringBuilder p = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 24 * 24; i += 5) {
            p.append(fmt(5e-9 * (i % 24))).append(',').append(fmt(5e-9 * (i / 24))).append(",1.5e-9\n");
        }
        for (int i = 0; i < 40; i++) { // irregular points in the mid-plane, between and inside the prisms
            p.append(fmt(115e-9 * rnd.nextDouble())).append(',').append(fmt(115e-9 * rnd.nextDouble()))
                    .append(",1.5e-9\n");
        }
        Path s = write("S.csv", filmSources(11)), pts = write("P.csv", p.toString());
        Path exact = dir.resolve("exact.csv"), surrogate = dir.resolve("surrogate.csv");
        CliRunner e = CliRunner.run("field", "--sources", s.toString(), "--points", pts.toString(), "--out",
                exact.toString());
        assertEquals(0, e.status, e.err);
        CliRunner r = CliRunner.run("field", "--sources", s.toString(), "--points", pts.toString(), "--demag",
                "surrogate", "--out", surrogate.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("fitting the far-field model") && r.err.contains("fitted far-field model"), r.err);

        double[][] he = readField(exact), hs = readField(surrogate);
        assertEquals(he.length, hs.length);
        double[] rel = new double[he.length];
        double num = 0, den = 0;
        for (int i = 0; i < he.length; i++) {
            double d2 = 0, r2 = 0;
            for (int k = 0; k < 3; k++) {
                d2 += (hs[i][k] - he[i][k]) * (hs[i][k] - he[i][k]);
                r2 += he[i][k] * he[i][k];
            }
            rel[i] = Math.sqrt(d2 / r2);
            num += d2;
            den += r2;
        }
        Arrays.sort(rel);
        double median = rel[rel.length / 2], l2 = Math.sqrt(num / den);
        assertTrue(median <= 1e-3 && l2 <= 5e-3, "median " + median + ", relative L2 " + l2);
        assertTrue(l2 > 0, "the surrogate is an approximation, not the exact path");
    }

    @Test
    void surrogateUsesAGivenModelFileAndRejectsOneThatDoesNotFit() throws IOException {
        Path s = write("S.csv", filmSources(3)), pts = write("P.csv", "x,y,z\n2.5e-9,2.5e-9,1.5e-9\n");
        try (WorkerPool pool = new WorkerPool(1)) {
            // fitted for a smaller film: the sources extend beyond its reach
            Prisms small = Prisms.of(
                    new double[] {0, 5e-9}, new double[] {0, 0}, new double[] {1.5e-9, 1.5e-9},
                    new double[] {4e-9, 4e-9}, new double[] {4e-9, 4e-9}, new double[] {3e-9, 3e-9});
            FarFieldModel m = FarFieldModel.fitPrisms(small, 60e-9, 60e-9, FarFieldSettings.DEFAULT, pool,
                    (d, t) -> { });
            Path model = dir.resolve("small.h5");
            m.toFile(Map.of(), Map.of()).write(model);
            Path out = dir.resolve("H.csv");
            CliRunner r = CliRunner.run("field", "--sources", s.toString(), "--points", pts.toString(), "--demag",
                    "surrogate", "--model", model.toString(), "--out", out.toString());
            assertEquals(Main.EXIT_INPUT, r.status, r.err);
            assertTrue(r.err.contains("--demag surrogate") && r.err.contains("cannot represent"), r.err);
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void surrogateEvaluatesInEitherLayerOfATwoLayerSourceSetAndRejectsPointsBetween() throws IOException {
        // two films of 8 x 8 nm prisms, 5 nm thick, mid-planes 2.5 nm and 12.5 nm; points in both mid-planes
        StringBuilder src = new StringBuilder("x,y,z,sx,sy,sz,mx,my,mz\n");
        for (int layer = 0; layer < 2; layer++) {
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    src.append(String.format(Locale.ROOT, "%.6e,%.6e,%.6e,8e-9,8e-9,5e-9,%.3f,%.3f,%.3f%n",
                            10e-9 * i, 10e-9 * j, layer == 0 ? 2.5e-9 : 12.5e-9, 8e5 * Math.cos(i + layer),
                            8e5 * Math.sin(j), 4e5));
                }
            }
        }
        StringBuilder pts = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 20; i++) {
            pts.append(String.format(Locale.ROOT, "%.6e,%.6e,%.6e%n", 5.3e-9 * i + 1e-9, 3.1e-9 * i + 2e-9,
                    i % 2 == 0 ? 2.5e-9 : 12.5e-9));
        }
        Path s = write("S2.csv", src.toString()), p = write("P2.csv", pts.toString());
        Path hs = dir.resolve("Hs.csv"), he = dir.resolve("He.csv");
        CliRunner sur = CliRunner.run("field", "--sources", s.toString(), "--points", p.toString(), "--demag",
                "surrogate", "--out", hs.toString());
        assertEquals(0, sur.status, sur.err);
        CliRunner ex = CliRunner.run("field", "--sources", s.toString(), "--points", p.toString(), "--out",
                he.toString());
        assertEquals(0, ex.status, ex.err);
        List<String> a = Files.readAllLines(hs), b = Files.readAllLines(he);
        double worst = 0, scale = 0;
        for (int k = 1; k < a.size(); k++) {
            String[] u = a.get(k).split(","), v = b.get(k).split(",");
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(Double.parseDouble(u[c]) - Double.parseDouble(v[c])));
                scale = Math.max(scale, Math.abs(Double.parseDouble(v[c])));
            }
        }
        assertTrue(worst < 1e-4 * scale, "largest difference " + worst + " of " + scale);
        CliRunner between = CliRunner.run("field", "--sources", s.toString(), "--points",
                write("P3.csv", "x,y,z\n1e-8,1e-8,7.5e-9\n").toString(), "--demag", "surrogate", "--out",
                dir.resolve("Hb.csv").toString());
        assertEquals(Main.EXIT_INPUT, between.status, between.err);
        assertTrue(between.err.contains("P3.csv:2") && between.err.contains("mid-planes of the sources' layers"),
                between.err);
    }

    @Test
    void surrogateRejectsPointsOffTheMidPlaneBeforeFitting() throws IOException {
        Path out = dir.resolve("H.csv");
        CliRunner r = CliRunner.run("field", "--sources", write("S.csv", filmSources(5)).toString(), "--points",
                write("P.csv", "x,y,z\n1e-8,1e-8,1.5e-9\n2e-8,1e-8,4e-9\n").toString(), "--demag", "surrogate",
                "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, r.status, r.err);
        assertTrue(r.err.contains("P.csv:3") && r.err.contains("mid-plane z = 1.5E-9 m")
                && r.err.contains("z = 4.0E-9 m"), r.err);
        assertFalse(r.err.contains("fitting"), "checked before any fitting: " + r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void modelWithoutTheSurrogateIsAUsageError() throws IOException {
        CliRunner r = CliRunner.run("field", "--sources", write("S.csv", GOOD_SOURCES).toString(), "--points",
                write("P.csv", GOOD_POINTS).toString(), "--model", "m.h5", "--out", dir.resolve("H.csv").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("--model") && r.err.contains("--demag surrogate"), r.err);
    }

    @Test
    void helpListsTheCommands() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.status);
        assertTrue(r.out.contains("run") && r.out.contains("field"), r.out);
    }
}
