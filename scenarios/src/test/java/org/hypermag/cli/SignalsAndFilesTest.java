package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One exit-status rule for signals (SIGINT: 130, SIGTERM: 143, i.e. 128 + the signal's number, for run and validate
 * alike, both resumable), damaged model files refused by every command that reads them, and the files commands write:
 * permissions from the umask, errors that say why.
 */
class SignalsAndFilesTest {
    @TempDir
    Path dir;

    static final String FILM = """
            name: signal-film
            geometry: {grid: {cells: [32, 16, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - run: {duration: 5.0e-9, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12}
            """;

    /** Starts {@code hypermag ARGS} in a child JVM, waits for its table to grow, sends the signal, returns status. */
    private int signalled(String signal, Path table, String... args) throws Exception {
        String[] cmd = new String[args.length + 4];
        cmd[0] = "java";
        cmd[1] = "-cp";
        cmd[2] = System.getProperty("java.class.path");
        cmd[3] = "org.hypermag.cli.Main";
        System.arraycopy(args, 0, cmd, 4, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(signal + ".log")
                .toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && (!Files.exists(table) || Files.readAllLines(table).size() < 20)) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process stops");
        String log = Files.readString(dir.resolve(signal + ".log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("interrupted") || log.contains("INTERRUPTED"), log);
        return p.exitValue();
    }

    @Test
    void runAndValidateExitWith128PlusTheSignalNumberAndCanBeResumed() throws Exception {
        Path file = dir.resolve("film.yaml");
        Files.writeString(file, FILM);
        Path run = dir.resolve("run");
        assertEquals(143, signalled("TERM", run.resolve("table.csv"), "run", file.toString(), "--out",
                run.toString()), "run, SIGTERM");
        Path run2 = dir.resolve("run2");
        assertEquals(130, signalled("INT", run2.resolve("table.csv"), "run", file.toString(), "--out",
                run2.toString()), "run, SIGINT");
        Path val = dir.resolve("val");
        assertEquals(143, signalled("TERM", val.resolve("exact").resolve("table.csv"), "validate", file.toString(),
                "--out", val.toString()), "validate, SIGTERM");
        assertTrue(Files.exists(run.resolve("checkpoint.h5")) && Files.exists(val.resolve("exact/checkpoint.h5")));
    }

    private Path damagedModel() throws IOException {
        ModelFile f = FarFieldModel.fitGrid(new RegularGrid(32, 16, 1, 4e-9, 4e-9, 3e-9), new FarFieldSettings(4, 6, 4),
                FarFieldModel.Progress.NONE).toFile(Map.of(), Map.of());
        Map<String, double[][]> arrays = new java.util.LinkedHashMap<>(f.arrays());
        arrays.get("coefficients_xy")[0][0] = Double.NaN;
        Path p = dir.resolve("nan-model.h5");
        new ModelFile(f.model(), f.text(), f.numbers(), arrays).write(p);
        return p;
    }

    @Test
    void aModelFileWithANonFiniteCoefficientIsRefusedByEveryCommandThatReadsIt() throws IOException {
        Path model = damagedModel();
        Path film = dir.resolve("film.yaml");
        Files.writeString(film, FILM.replace("5.0e-9", "2.0e-12") + "demag: {method: surrogate, model: "
                + model + "}\n");
        Files.writeString(dir.resolve("s.csv"), "x,y,z,sx,sy,sz,mx,my,mz\n0,0,1.5e-9,4e-9,4e-9,3e-9,8e5,0,0\n"
                + "8e-9,0,1.5e-9,4e-9,4e-9,3e-9,8e5,0,0\n");
        Files.writeString(dir.resolve("p.csv"), "x,y,z\n4e-9,4e-9,1.5e-9\n");
        CliRunner[] runs = {CliRunner.run("check", film.toString()),
            CliRunner.run("run", film.toString(), "--out", dir.resolve("r").toString()),
            CliRunner.run("validate", film.toString(), "--out", dir.resolve("v").toString()),
            CliRunner.run("accuracy", model.toString(), "--scenario", film.toString()),
            CliRunner.run("field", "--sources", dir.resolve("s.csv").toString(), "--points",
                    dir.resolve("p.csv").toString(), "--out", dir.resolve("H.csv").toString(), "--demag", "surrogate",
                    "--model", model.toString())};
        for (CliRunner r : runs) {
            assertEquals(Main.EXIT_INPUT, r.status, r.out + r.err);
            assertTrue(r.err.contains("coefficients_xy") && r.err.contains("NaN"), r.err);
            assertFalse(r.err.contains("internal error"), r.err);
        }
        assertFalse(Files.exists(dir.resolve("H.csv")));
        assertFalse(Files.exists(dir.resolve("r")), "run refused before writing");
    }

    @Test
    void outputFilesFollowTheUmaskAndAFailedWriteSaysWhy() throws IOException {
        Files.writeString(dir.resolve("s.csv"), "x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,1e-8,1e-8,1e-8,8e5,0,0\n");
        Files.writeString(dir.resolve("p.csv"), "x,y,z\n2e-8,0,0\n");
        CliRunner ok = CliRunner.run("field", "--sources", dir.resolve("s.csv").toString(), "--points",
                dir.resolve("p.csv").toString(), "--out", dir.resolve("H.csv").toString());
        assertEquals(0, ok.status, ok.err);
        Path reference = Files.createFile(dir.resolve("made-by-the-umask"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("H.csv")), "H.csv has the umask's "
                + "permissions (a temporary file made by createTempFile would be 0600)");
        // a file where a directory is expected
        CliRunner bad = CliRunner.run("field", "--sources", dir.resolve("s.csv").toString(), "--points",
                dir.resolve("p.csv").toString(), "--out", dir.resolve("s.csv").resolve("H.csv").toString());
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("cannot write") && bad.err.contains("is not a directory"), bad.err);
    }
}
