package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndAccuracyCommandTest {
    @TempDir
    Path dir;

    private static final String FILM = """
            name: film
            geometry: {grid: {cells: [40, 20, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.05}]
            initial: {uniform: [1, 0, 0]}
            stages: [{relax: {}}]
            demag: {method: surrogate}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** The data rows of the first Markdown table after a heading line containing the marker. */
    private static List<String> rowsAfter(String out, String marker) {
        String rest = out.substring(out.indexOf(marker));
        return rest.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| magnetisation")).limit(5).toList();
    }

    @Test
    void trainWritesAModelWithItsAccuracyAndAccuracyReportsItAndRemeasuresTheSame() throws IOException {
        Path scenario = write("film.yaml", FILM), model = dir.resolve("film.far-field.h5");
        CliRunner t = CliRunner.run("train", "--scenario", scenario.toString(), "--out", model.toString());
        assertEquals(0, t.status, t.err);
        assertTrue(t.out.contains("far-field model (cell-averaged coupling)") && t.out.contains("wrote " + model),
                t.out);
        ModelFile f = ModelFile.read(model);
        assertEquals("far-field", f.model());
        assertTrue(f.text().get("trained_on").contains("scenario film"), f.text().toString());
        for (String k : new String[] {"random", "smooth", "uniform_z", "uniform_111", "vortex"}) {
            double[] e = f.numbers().get("accuracy_" + k);
            assertEquals(3, e.length, k);
            assertTrue(e[0] <= 1e-3 && e[1] <= 5e-3 && e[0] <= e[2], k + ": median, L2, max = "
                    + java.util.Arrays.toString(e));
        }
        List<String> printed = rowsAfter(t.out, "Field error against the exact field");
        assertEquals(5, printed.size(), t.out);

        CliRunner a = CliRunner.run("accuracy", model.toString(), "--scenario", scenario.toString());
        assertEquals(0, a.status, a.err);
        assertTrue(a.out.contains("training: least squares on the far zone"), a.out);
        assertEquals(printed, rowsAfter(a.out, "Measured when it was made"), "stored accuracy as printed by train");
        assertEquals(printed, rowsAfter(a.out, "Measured now"), "the measurement is deterministic");
    }

    @Test
    void trainOnPrismsFromACsvFileAndRejectAModelThatDoesNotFitTheDomains() throws IOException {
        StringBuilder s = new StringBuilder("x,y,z,sx,sy,sz\n");
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) {
                s.append(i * 20e-9).append(',').append(j * 20e-9).append(",0,").append(i % 2 == 0 ? 14e-9 : 16e-9)
                        .append(',').append(j % 3 == 0 ? 12e-9 : 15e-9).append(",5e-9\n");
            }
        }
        Path sources = write("S.csv", s.toString()), model = dir.resolve("islands.h5");
        CliRunner t = CliRunner.run("train", "--sources", sources.toString(), "--near-radius", "6", "--out",
                model.toString());
        assertEquals(0, t.status, t.err);
        assertTrue(t.out.contains("point coupling") && t.out.contains("144 prisms"), t.out);
        assertEquals(6.0, ModelFile.read(model).numbers().get("near_radius")[0]);

        CliRunner a = CliRunner.run("accuracy", model.toString(), "--scenario", write("film.yaml", FILM).toString());
        assertEquals(Main.EXIT_INPUT, a.status, a.out);
        assertTrue(a.err.contains("does not fit this geometry"), a.err);
    }

    @Test
    void badRequestsAreUsageErrors() throws IOException {
        Path scenario = write("film.yaml", FILM), out = dir.resolve("m.h5");
        String[][] cases = {
            {"train", "--out", out.toString()},
            {"train", "--scenario", scenario.toString(), "--sources", "S.csv", "--out", out.toString()},
            {"train", "--model", "spline", "--scenario", scenario.toString(), "--out", out.toString()},
            {"train", "--scenario", scenario.toString(), "--near-radius", "0", "--out", out.toString()},
            {"accuracy", scenario.toString()},
        };
        String[] expected = {"either --scenario", "either --scenario", "got 'spline'", "--near-radius must be",
            "cannot read model file"};
        for (int i = 0; i < cases.length; i++) {
            CliRunner r = CliRunner.run(cases[i]);
            assertEquals(Main.EXIT_INPUT, r.status, r.err);
            assertTrue(r.err.contains(expected[i]) && !r.err.contains("Exception"), r.err);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void paperLinearModelIsTrainedAndReportedBesideThePapersTable() throws IOException {
        Path model = dir.resolve("linear.h5");
        CliRunner t = CliRunner.run("train", "--model", "linear", "--threads", "1", "--out", model.toString());
        assertEquals(0, t.status, t.err);
        String row = t.out.lines().filter(l -> l.startsWith("| linear |")).findFirst().orElseThrow();
        assertTrue(row.endsWith("| 70.0 / 71.2 |"), row);
        assertEquals("linear", ModelFile.read(model).model());

        CliRunner a = CliRunner.run("accuracy", model.toString());
        assertEquals(0, a.status, a.err);
        assertEquals(row, a.out.lines().filter(l -> l.startsWith("| linear |")).findFirst().orElseThrow(),
                "the report measured again equals the one printed at training");
        CliRunner other = CliRunner.run("accuracy", model.toString(), "--eval-seed", "7");
        assertFalse(other.out.contains(row), "another held-out set gives other numbers");

        CliRunner bad = CliRunner.run("accuracy", model.toString(), "--scenario", "sp4-field1");
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("paper's protocol"), bad.err);
    }

    @Test
    void accuracyOnThePaperProtocolPrintsTheFarFieldRowsAndWhyTheOriginalIsNotApplicable() {
        CliRunner a = CliRunner.run("accuracy", "--paper-protocol", "far-field", "--near-radius", "3", "--threads", "2");
        assertEquals(0, a.status, a.err);
        String variant = a.out.lines().filter(l -> l.startsWith("| far-field | fixed thickness 0.5 |")).findFirst()
                .orElseThrow();
        assertTrue(variant.contains("| n/a |") && variant.contains("| 3.00 / 3.75 | 12.0 |"), variant);
        assertTrue(a.out.contains("| far-field | original | n/a | not applicable |"), a.out);
        assertTrue(a.out.contains("Not applicable on the original protocol: the far-field model cannot represent")
                && a.out.contains("the model was fitted for 5.00000e-09 m") && a.out.contains("thin films"), a.out);

        CliRunner d = CliRunner.run("accuracy", "--paper-protocol", "far-field");
        assertEquals(0, d.status, d.err);
        assertTrue(d.out.contains("| far-field | fixed thickness 0.5 | n/a | not applicable |")
                && d.out.contains("no far zone"), d.out);

        CliRunner bad = CliRunner.run("accuracy", "--paper-protocol", "fourier");
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("--paper-protocol measures far-field"), bad.err);
    }

    @Test
    void paperLinearModelTrainedAndReportedOnTheFixedThicknessProtocol() throws IOException {
        Path model = dir.resolve("linear-t05.h5");
        CliRunner t = CliRunner.run("train", "--model", "linear", "--thickness", "0.5", "--threads", "1", "--out",
                model.toString());
        assertEquals(0, t.status, t.err);
        assertTrue(t.out.contains("fixed thickness 0.5 protocol"), t.out);
        assertTrue(ModelFile.read(model).text().get("training.sampling").contains("0.5 domain units thick"));
        String row = t.out.lines().filter(l -> l.startsWith("| linear |")).findFirst().orElseThrow();
        CliRunner a = CliRunner.run("accuracy", model.toString(), "--thickness", "0.5");
        assertEquals(row, a.out.lines().filter(l -> l.startsWith("| linear |")).findFirst().orElseThrow());
        CliRunner original = CliRunner.run("accuracy", model.toString());
        assertTrue(original.out.contains("original protocol") && !original.out.contains(row), original.out);
    }

    @Test
    void anMlpHypernetworkIsTrainedForPrismsOfManySizesAndRecordedInTheFile() throws IOException {
        StringBuilder s = new StringBuilder("x,y,z,sx,sy,sz\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) {
                s.append(i * 20e-9).append(',').append(j * 20e-9).append(",0,").append(10e-9 + 6e-9 * rnd.nextDouble())
                        .append(',').append(10e-9 + 6e-9 * rnd.nextDouble()).append(",5e-9\n");
            }
        }
        Path sources = write("S.csv", s.toString()), model = dir.resolve("grains.h5");
        CliRunner t = CliRunner.run("train", "--sources", sources.toString(), "--size-features", "mlp",
                "--mlp-width", "6", "--mlp-depth", "1", "--out", model.toString());
        assertEquals(0, t.status, t.err);
        assertTrue(t.out.contains("MLP size features (1 tanh layers of 6, 7 features"), t.out);
        ModelFile f = ModelFile.read(model);
        assertEquals("mlp", f.text().get("features"));
        assertEquals(6 * 2 + 6, f.numbers().get("mlp_parameters").length, "2 inputs -> 6 tanh units");
        double[] e = f.numbers().get("accuracy_random");
        assertTrue(e[0] <= 1e-3 && e[1] <= 5e-3, java.util.Arrays.toString(e));

        CliRunner bad = CliRunner.run("train", "--sources", sources.toString(), "--size-features", "spline",
                "--out", dir.resolve("x.h5").toString());
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("--size-features must be moments or mlp, got 'spline'"), bad.err);
    }

    @Test
    void thePapersOwnProtocolTrainsLinearReportsItBesideTable2AndRefusesWhatIsNotBuilt() {
        Path model = dir.resolve("linear.h5");
        CliRunner t = CliRunner.run("train", "--protocol", "paper-2d", "--model", "linear", "--fraction", "0.2",
                "--out", model.toString());
        assertEquals(0, t.status, t.err);
        assertTrue(t.out.contains("LINEAR on the paper's 2-D protocol (exact least squares") && t.out.contains(
                "| single source (1 sample, 2 500 points) |") && t.out.contains("| 70.0 |"), t.out);
        Path png = dir.resolve("fig6.png");
        CliRunner a = CliRunner.run("accuracy", "--protocol", "paper-2d", model.toString(), "--figure",
                png.toString());
        assertEquals(0, a.status, a.err);
        assertTrue(a.out.contains("wrote " + png), a.out);
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(690, img.getWidth());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the same model on the same sets: the same table rows
        assertEquals(t.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList(),
                a.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList());
        CliRunner draws = CliRunner.run("accuracy", "--protocol", "paper-2d", model.toString(),
                "--validation-draws", "12");
        assertEquals(0, draws.status, draws.err);
        assertTrue(draws.out.contains("Over 12 other draws of the one-sample validation sets (seeds 102 + 0 + 1000 j, "
                + "j = 1 ... 12;") && draws.out.contains("% median (5th-95th percentile "), draws.out);
        CliRunner noDraws = CliRunner.run("accuracy", "--protocol", "paper-2d", model.toString(),
                "--validation-draws", "0");
        assertEquals(2, noDraws.status);
        assertTrue(noDraws.err.contains("--validation-draws must be in 1..100000, got 0"), noDraws.err);
        CliRunner drawsElsewhere = CliRunner.run("accuracy", model.toString(), "--validation-draws", "3");
        assertEquals(2, drawsElsewhere.status);
        assertTrue(drawsElsewhere.err.contains("--validation-draws belong to --protocol paper-2d"),
                drawsElsewhere.err);
        CliRunner f = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-inr", "--out",
                dir.resolve("f.h5").toString());
        assertEquals(2, f.status);
        assertTrue(f.err.contains("'fc-inr' on this protocol is not built yet"), f.err);
        // a tiny FC + ILR: trained, written, read back and measured the same
        Path ilr = dir.resolve("fc-ilr.h5");
        CliRunner ti = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width", "6",
                "--basis-layers", "2", "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "4", "--rate", "1e-3",
                "--final-rate", "1e-5", "--fraction", "0.005", "--out", ilr.toString());
        assertEquals(0, ti.status, ti.err);
        assertTrue(ti.out.contains("FC-ILR on the paper's 2-D protocol (basis 2 -> 6 x 2") && ti.out.contains(
                "| 4.4 |") && ti.out.contains("4 epochs, rate 0.00100 cosine to 1.00e-05"), ti.out);
        // the authors' initialisation by default, named in the method; --init chooses another, or is refused
        assertTrue(ti.out.contains("weights and biases uniform in +-1/sqrt(fan-in), as equinox"), ti.out);
        CliRunner glorot = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width", "6",
                "--basis-layers", "2", "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "4", "--rate", "1e-3",
                "--fraction", "0.005", "--init", "glorot", "--out", dir.resolve("glorot.h5").toString());
        assertEquals(0, glorot.status, glorot.err);
        assertTrue(glorot.out.contains("Glorot-uniform weights, zero biases"), glorot.out);
        CliRunner lecun = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--init", "lecun",
                "--out", dir.resolve("lecun.h5").toString());
        assertEquals(2, lecun.status);
        assertTrue(lecun.err.contains("--init must be fan-in (the authors', equinox's) or glorot, got 'lecun'"),
                lecun.err);
        CliRunner linearInit = CliRunner.run("train", "--protocol", "paper-2d", "--model", "linear", "--init",
                "glorot", "--out", dir.resolve("li.h5").toString());
        assertEquals(2, linearInit.status);
        assertTrue(linearInit.err.contains("--init and --batch are FOURIER's and FC + ILR's"), linearInit.err);
        // mini-batches (--batch): named in the method; refused for LINEAR, below 1 and for the whole set
        CliRunner mini = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width", "6",
                "--basis-layers", "2", "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "2", "--rate", "1e-3",
                "--fraction", "0.005", "--batch", "20", "--out", dir.resolve("mini.h5").toString());
        assertEquals(0, mini.status, mini.err);
        assertTrue(mini.out.contains("mini-batch Adam on the Huber loss, 2 epochs at 0.00100, mini-batches of 20 "
                + "samples"), mini.out);
        assertTrue(mini.err.contains("fc-ilr: epoch 2 of 2, mean loss of its batches"), mini.err);
        CliRunner wholeBatch = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--fraction",
                "0.005", "--batch", "50", "--out", dir.resolve("whole.h5").toString());
        assertEquals(2, wholeBatch.status);
        assertTrue(wholeBatch.err.contains("--batch must be from 1 to 49 samples (the training set has 50; leave "
                + "--batch out for full-batch Adam, one step per epoch), got 50"), wholeBatch.err);
        CliRunner zeroBatch = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--batch", "0",
                "--out", dir.resolve("zero.h5").toString());
        assertEquals(2, zeroBatch.status);
        assertTrue(zeroBatch.err.contains("--batch must be from 1 to 9999 samples"), zeroBatch.err);
        CliRunner linearBatch = CliRunner.run("train", "--protocol", "paper-2d", "--model", "linear", "--batch",
                "10", "--out", dir.resolve("lb.h5").toString());
        assertEquals(2, linearBatch.status);
        assertTrue(linearBatch.err.contains("--init and --batch are FOURIER's and FC + ILR's"), linearBatch.err);
        CliRunner up = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--rate", "1e-4",
                "--final-rate", "1e-3", "--out", dir.resolve("up.h5").toString());
        assertEquals(2, up.status);
        assertTrue(up.err.contains("--final-rate must be > 0 and at most --rate; got --rate 1.0E-4, --final-rate "
                + "0.001"), up.err);
        CliRunner ai = CliRunner.run("accuracy", "--protocol", "paper-2d", ilr.toString());
        assertEquals(0, ai.status, ai.err);
        assertTrue(ai.out.contains("With each sample's least-squares read-out over this basis instead of the "
                + "hypernetwork's"), ai.out);
        assertEquals(ti.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList(),
                ai.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList());
        // a tiny FOURIER: trained, written, read back and measured the same
        Path fourier = dir.resolve("fourier.h5");
        CliRunner tf = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--order", "3",
                "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "5", "--rate", "1e-3", "--fraction", "0.005",
                "--out", fourier.toString());
        assertEquals(0, tf.status, tf.err);
        assertTrue(tf.out.contains("FOURIER on the paper's 2-D protocol (N = 3") && tf.out.contains("| 4.7 |"),
                tf.out);
        CliRunner af = CliRunner.run("accuracy", "--protocol", "paper-2d", fourier.toString());
        assertEquals(0, af.status, af.err);
        assertEquals(tf.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList(),
                af.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList());
        // the reduced budget's sizes and schedule, with the epochs and data given beside it winning
        CliRunner reduced = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--budget",
                "reduced", "--epochs", "2", "--fraction", "0.002", "--out", dir.resolve("reduced.h5").toString());
        assertEquals(0, reduced.status, reduced.err);
        assertTrue(reduced.out.contains("basis 2 -> 128 x 3, hypernetwork 4 -> 384 x 3 -> 129") && reduced.out.contains(
                "full-batch Adam on the Huber loss, 2 epochs, rate 0.00100 cosine to 1.00e-05; 0 % of the 10^4 "
                + "training samples"), reduced.out);
        // the budget's mini-batches (FOURIER: 250 samples) where the training set has more samples than that
        CliRunner reducedMini = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--budget",
                "reduced", "--order", "3", "--hyper-width", "8", "--epochs", "1", "--fraction", "0.05", "--out",
                dir.resolve("reduced-mini.h5").toString());
        assertEquals(0, reducedMini.status, reducedMini.err);
        assertTrue(reducedMini.out.contains("mini-batch Adam on the Huber loss, 1 epochs, rate 0.00100 cosine to "
                + "1.00e-05, mini-batches of 250 samples") && reducedMini.out.contains("5 % of the 10^4 training "
                + "samples"), reducedMini.out);
        // the paper's sizes by default: basis 400 x 4, hypernetwork 601 x 3 (1.45 M parameters, Table 3)
        CliRunner paper = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--epochs", "1",
                "--fraction", "0.001", "--out", dir.resolve("paper.h5").toString());
        assertEquals(0, paper.status, paper.err);
        assertTrue(paper.out.contains("basis 2 -> 400 x 4, hypernetwork 4 -> 601 x 3 -> 401 (1450411 parameters;"),
                paper.out);
        CliRunner budget = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--budget", "tiny",
                "--out", dir.resolve("tiny.h5").toString());
        assertEquals(2, budget.status);
        assertTrue(budget.err.contains("--budget must be paper or reduced, got 'tiny'"), budget.err);
        // too large for the heap: refused at once with the estimate and how to raise the heap, nothing written
        Path huge = dir.resolve("huge.h5");
        CliRunner big = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--order", "128",
                "--out", huge.toString());
        assertEquals(2, big.status);
        assertTrue(big.err.contains("FOURIER of this size, trained on this fraction of the training set and evaluated "
                + "on the test set, needs about") && big.err.contains("HYPERMAG_JAVA_OPTS=-Xmx"), big.err);
        assertFalse(Files.exists(huge));
        CliRunner wide = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width",
                "16384", "--hyper-width", "64", "--out", huge.toString());
        assertEquals(2, wide.status);
        assertTrue(wide.err.contains("FC + ILR of this size") && wide.err.contains("GiB of memory"), wide.err);
        CliRunner bad = CliRunner.run("train", "--protocol", "paper-3d", "--model", "linear", "--out",
                dir.resolve("g.h5").toString());
        assertEquals(2, bad.status);
        assertTrue(bad.err.contains("--protocol must be paper-2d"), bad.err);
        CliRunner stray = CliRunner.run("train", "--scenario", "sp4-field1", "--epochs", "3", "--out",
                dir.resolve("h.h5").toString());
        assertEquals(2, stray.status);
        assertTrue(stray.err.contains("belong to --protocol paper-2d"), stray.err);
    }

    /**
     * {@code train --protocol paper-2d --from FILE} trains a model further from its file: with a rate too small to
     * move it (1e-12, one epoch) the continued model scores what the file's did, which a fresh initialisation would
     * not; its method names where it came from; the file's fraction is used; what cannot be continued is refused.
     */
    @Test
    void thePapersOwnProtocolContinuesATrainedModelFromItsFile() {
        Path ilr = dir.resolve("fc-ilr.h5");
        CliRunner first = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width", "6",
                "--basis-layers", "2", "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "30", "--rate", "1e-2",
                "--fraction", "0.005", "--threads", "1", "--out", ilr.toString());
        assertEquals(0, first.status, first.err);
        Path still = dir.resolve("still.h5");
        CliRunner same = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--from",
                ilr.toString(), "--epochs", "1", "--rate", "1e-12", "--threads", "1", "--out", still.toString());
        assertEquals(0, same.status, same.err);
        assertTrue(same.err.contains("continuing fc-ilr from " + ilr + " (fraction 0.005, seed offset 0)"), same.err);
        assertTrue(same.out.contains("continued from a model made by [basis 2 -> 6 x 2, hypernetwork 4 -> 8 x 1 -> 7")
                && same.out.contains("1 epochs at 1.00e-12"), same.out);
        assertEquals(first.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList(),
                same.out.lines().filter(l -> l.startsWith("| single") || l.startsWith("| four")).toList());
        CliRunner fresh = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--basis-width", "6",
                "--basis-layers", "2", "--hyper-width", "8", "--hyper-depth", "1", "--epochs", "1", "--rate", "1e-12",
                "--fraction", "0.005", "--threads", "1", "--out", dir.resolve("fresh.h5").toString());
        assertNotEquals(first.out.lines().filter(l -> l.startsWith("| single")).toList(),
                fresh.out.lines().filter(l -> l.startsWith("| single")).toList(), "a fresh model scores otherwise");

        CliRunner shape = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--from",
                ilr.toString(), "--basis-width", "8", "--epochs", "1", "--out", dir.resolve("x.h5").toString());
        assertEquals(Main.EXIT_INPUT, shape.status);
        assertTrue(shape.err.contains("whose shape and parameters are the file's"), shape.err);
        CliRunner init = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--from",
                ilr.toString(), "--init", "glorot", "--epochs", "1", "--out", dir.resolve("x.h5").toString());
        assertEquals(Main.EXIT_INPUT, init.status);
        assertTrue(init.err.contains("--basis-layers and --init"), init.err);
        CliRunner other = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fourier", "--from",
                ilr.toString(), "--epochs", "1", "--out", dir.resolve("y.h5").toString());
        assertEquals(Main.EXIT_INPUT, other.status);
        assertTrue(other.err.contains("holds a fc-ilr model; --model is fourier"), other.err);
        Path linear = dir.resolve("linear.h5");
        assertEquals(0, CliRunner.run("train", "--protocol", "paper-2d", "--model", "linear", "--fraction", "0.05",
                "--out", linear.toString()).status);
        CliRunner exact = CliRunner.run("train", "--protocol", "paper-2d", "--model", "linear", "--from",
                linear.toString(), "--out", dir.resolve("z.h5").toString());
        assertEquals(Main.EXIT_INPUT, exact.status);
        assertTrue(exact.err.contains("LINEAR is solved exactly"), exact.err);
        CliRunner missing = CliRunner.run("train", "--protocol", "paper-2d", "--model", "fc-ilr", "--from",
                dir.resolve("none.h5").toString(), "--out", dir.resolve("w.h5").toString());
        assertEquals(Main.EXIT_INPUT, missing.status);
        assertTrue(missing.err.contains("does not exist"), missing.err);
    }
}
