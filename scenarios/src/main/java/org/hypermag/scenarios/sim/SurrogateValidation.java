package org.hypermag.scenarios.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hypermag.output.RunLock;
import org.hypermag.output.FrameSegmentWriter;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.output.ValidationFile;
import org.hypermag.output.ValidationPlot;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.demag.ExactDemagProvider;
import org.hypermag.solver.demag.NoDemagProvider;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.surrogate.SurrogateDemagProvider;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * {@code hypermag validate}: runs a scenario with the exact demag and with the surrogate into {@code exact/} and
 * {@code surrogate/} of an output directory, compares them ({@link FrameComparison}, {@link StageComparison}) and
 * writes validation.csv, validation.h5, validation.png and validation.md (docs/output.md) there.
 */
public final class SurrogateValidation {
    private static final GpuDevices.Choice CPU = new GpuDevices.Choice(null, "cpu");

    /** File names in the output directory. */
    public static final String CSV = "validation.csv", HDF5 = "validation.h5", PNG = "validation.png",
            REPORT = "validation.md", EXACT_DIR = "exact", SURROGATE_DIR = "surrogate";
    /**
     * The copy of the surrogate path's model in {@code surrogate/}, which that run's scenario.yaml names
     * ({@code demag: {method: surrogate, model: demag-model.h5}}), so that {@code run --resume} continues with it.
     */
    public static final String MODEL_FILE = "demag-model.h5";

    /**
     * @param outDir the output directory
     * @param overwrite whether to replace an earlier validation there
     * @param model a far-field model file for the surrogate path, or null (the scenario's demag.model, else the
     *     stored model that fits, else an automatic fit)
     * @param version hypermag version, for metadata
     * @param farField smeared or fitted: how the surrogate path makes its far-field model, or null (the scenario's)
     */
    public record Options(Path outDir, boolean overwrite, Path model, String version, String farField) {
        /**
         * Options with the scenario's far-field construction.
         *
         * @param outDir the output directory
         * @param overwrite replace an earlier validation
         * @param model a model file for the surrogate path, or null
         * @param version the program's version, for the report
         */
        public Options(Path outDir, boolean overwrite, Path model, String version) {
            this(outDir, overwrite, model, version, null);
        }
    }

    /**
     * @param checks every check, all frames first, then stage by stage
     * @param series the frame series (empty when the surrogate path did not run)
     * @param exact how the exact path ended
     * @param surrogate how the surrogate path ended, or null when it did not run (the exact path was interrupted)
     * @param exactSeconds wall time of the exact path (s), setup included
     * @param surrogateSeconds wall time of the surrogate path (s), setup (model loading or fitting) included; NaN
     *     when it did not run
     * @param exactDemag the exact demag, described
     * @param surrogateDemag the surrogate demag, described
     * @param interrupted whether a stop was requested (Ctrl-C): the paths ran only as far as the report says
     * @param files the files written
     */
    public record Outcome(List<ValidationCheck> checks, ValidationFile.Series series, ScenarioRunner.Result exact,
                          ScenarioRunner.Result surrogate, double exactSeconds, double surrogateSeconds,
                          String exactDemag, String surrogateDemag, boolean interrupted, List<Path> files) {
        /** @return whether the validation ran to the end and every check passed */
        public boolean passed() {
            return !interrupted && checks.stream().noneMatch(ValidationCheck::failed);
        }

        /** @return exact wall time over surrogate wall time (NaN when the surrogate path did not run) */
        public double speedUp() {
            return exactSeconds / surrogateSeconds;
        }

        /** @return PASS, FAIL or INTERRUPTED */
        public String result() {
            return interrupted ? "INTERRUPTED" : passed() ? "PASS" : "FAIL";
        }
    }

    private SurrogateValidation() {
    }

    /**
     * Checks what can be checked before running: the demag method and a named model file (read and checked against
     * the domains; nothing is fitted).
     *
     * @param s the scenario
     * @param model the model file, or null (the scenario's demag.model, else automatic)
     * @return the scenario of the surrogate path, as the scenario's text describes it
     * @throws IllegalArgumentException naming the problem (for a model file: the file, what and why, what to do)
     */
    public static Scenario surrogatePath(Scenario s, Path model) {
        return surrogatePath(s, model, null);
    }

    /**
     * {@link #surrogatePath(Scenario, Path)} with the far-field construction chosen.
     *
     * @param s the scenario
     * @param model the model file, or null
     * @param farField {@code smeared} or {@code fitted} for the surrogate path, or null (the scenario's, else the
     *     default)
     * @return the scenario of the surrogate path
     * @throws IllegalArgumentException naming the problem
     */
    public static Scenario surrogatePath(Scenario s, Path model, String farField) {
        if (farField != null) {
            if (model != null) {
                throw new IllegalArgumentException("--far-field makes the model; it does not apply with --model");
            }
            if (org.hypermag.surrogate.FarFieldSettings.Construction.of(farField) == null) {
                throw new IllegalArgumentException("--far-field must be smeared or fitted, got '" + farField + "'");
            }
            DemagSettings base = s.demag().provider() == SurrogateDemagProvider.INSTANCE ? s.demag().settings()
                    : DemagSettings.defaults(SurrogateDemagProvider.INSTANCE);
            s = s.withDemag(new Scenario.Demag(SurrogateDemagProvider.INSTANCE, base.with("far_field", farField)));
        }
        Scenario.Demag d = s.demag();
        if (d.provider() == NoDemagProvider.INSTANCE) {
            throw new IllegalArgumentException(s.source() + ": demag: none; validate compares the exact and the "
                    + "surrogate demagnetising field, so the scenario needs one");
        }
        DemagSettings settings = d.provider() == SurrogateDemagProvider.INSTANCE ? d.settings()
                : DemagSettings.defaults(SurrogateDemagProvider.INSTANCE);
        Path m = model != null ? model : settings.path("model");
        Scenario sur = s.withDemag(new Scenario.Demag(SurrogateDemagProvider.INSTANCE, settings.with("model", m)));
        if (m != null) {
            if (!Files.isRegularFile(m)) {
                throw new IllegalArgumentException("model file " + m + ": not found");
            }
            try {
                Magnet magnet = ScenarioSystem.magnet(s);
                SurrogateDemagProvider.INSTANCE.model(DemagMethods.request(sur, magnet, CPU, WorkerPool.shared(),
                        line -> { }));
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("model file " + m + ": " + e.getMessage());
            }
        }
        return sur;
    }

    /**
     * Runs both paths and writes the comparison.
     *
     * @param s the scenario
     * @param o options
     * @param progress progress of the runs
     * @param stop polled during the runs
     * @return the outcome
     * @throws ScenarioRunner.SetupException if a path cannot start or the directory holds an earlier validation
     * @throws IllegalArgumentException if the surrogate path cannot be set up ({@link #surrogatePath})
     */
    public static Outcome run(Scenario s, Options o, ScenarioRunner.Progress progress, BooleanSupplier stop) {
        if (s.isThermal() && s.thermal().seed() == null) {
            // both paths must see the same thermal field: one seed for both, in the texts they store
            long seed = Scenario.Thermal.drawSeed();
            s = s.withThermalSeed(seed, "drawn by hypermag validate: both paths use it");
            progress.note("thermal: seed " + seed + " (drawn for both paths; add 'seed: " + seed + "' to the "
                    + "scenario to repeat this validation)");
        }
        Scenario sur = surrogatePath(s, o.model(), o.farField());
        Scenario ex = s.withDemag(Scenario.Demag.of("exact"), "{method: exact}", "the exact path of hypermag "
                + "validate");
        Path dir = o.outDir();
        RunLock lock;
        try {
            lock = RunLock.acquire(dir, "validate");
        } catch (RunLock.BusyException | UncheckedIOException e) {
            throw new ScenarioRunner.SetupException(e.getMessage());
        }
        try (lock) {
            return runLocked(s, ex, sur, o, progress, stop);
        }
    }

    private static Outcome runLocked(Scenario s, Scenario ex, Scenario sur, Options o,
                                     ScenarioRunner.Progress progress, BooleanSupplier stop) {
        Path dir = o.outDir();
        for (String f : new String[] {CSV, HDF5, PNG, REPORT}) {
            if (Files.exists(dir.resolve(f)) && !o.overwrite()) {
                throw new ScenarioRunner.SetupException(dir + " already holds a validation (" + f + "); choose "
                        + "another directory with --out or replace it with --overwrite");
            }
        }
        Magnet magnet = ScenarioSystem.magnet(s);
        WorkerPool pool = ScenarioRunner.pool(s, magnet);
        try {
            return run(s, ex, sur, magnet, pool, o, progress, stop);
        } finally {
            if (pool != WorkerPool.shared()) {
                pool.close();
            }
        }
    }

    private static Outcome run(Scenario s, Scenario ex, Scenario sur, Magnet magnet, WorkerPool pool, Options o,
                               ScenarioRunner.Progress progress, BooleanSupplier stop) {
        Path dir = o.outDir();
        SurrogateDemagProvider.Model model;
        DemagField surDemag;
        try {
            // before the exact path: a geometry the surrogate cannot represent is refused at once
            DemagRequest request = DemagMethods.request(sur, magnet, CPU, pool, progress::note);
            model = SurrogateDemagProvider.INSTANCE.model(request);
            surDemag = SurrogateDemagProvider.bind(model, request);
        } catch (IllegalArgumentException e) {
            throw new ScenarioRunner.SetupException(s.source() + ": demag: " + e.getMessage());
        }
        progress.note("path 1 of 2: exact demag, into " + dir.resolve(EXACT_DIR));
        long t0 = System.nanoTime();
        ScenarioRunner.Result re = new ScenarioRunner(ex, options(o, EXACT_DIR), progress, stop).run();
        double exactSeconds = (System.nanoTime() - t0) / 1e9;
        DemagField exactDemag = ExactDemagProvider.INSTANCE.build(DemagMethods.request(ex, magnet, CPU, pool,
                line -> { }));
        String exactDescription = exactDemag.describe();
        if (re.status() == ScenarioRunner.Status.INTERRUPTED) {
            progress.note("interrupted: the surrogate path is not started");
            List<ValidationCheck> checks = List.of(completed("exact", re), new ValidationCheck(-1, "all stages",
                    "surrogate path completed", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    ValidationCheck.Verdict.FAIL, "not started: the validation was interrupted"));
            Outcome partial = new Outcome(checks, new ValidationFile.Series(FrameComparison.COLUMNS,
                    FrameComparison.UNITS, List.of()), re, null, exactSeconds, Double.NaN, exactDescription,
                    surDemag.describe(), true, List.of());
            ValidationReport.write(dir.resolve(REPORT), s, partial);
            return new Outcome(checks, partial.series(), re, null, exactSeconds, Double.NaN, exactDescription,
                    surDemag.describe(), true, List.of(dir.resolve(REPORT)));
        }
        Path surDir = dir.resolve(SURROGATE_DIR);
        Path copy = surDir.resolve(MODEL_FILE);
        try {
            Files.createDirectories(surDir);
            if (model.source() != null) {
                Files.copy(model.source(), copy, StandardCopyOption.REPLACE_EXISTING);
            } else if (model.file() != null) {
                model.file().write(copy);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ScenarioRunner.SetupException("cannot write the surrogate path's model to " + copy + ": "
                    + e.getMessage());
        }
        Scenario.Demag d = sur.demag();
        // layered domains have no model file: their smeared models are made again by the run (deterministic)
        Scenario surRun = model.file() == null ? sur.withDemag(d, "{method: surrogate}", "the surrogate path of "
                + "hypermag validate (" + model.origin() + ")") : sur.withDemag(new Scenario.Demag(d.provider(),
                d.settings().with("model", copy.toAbsolutePath())), "{method: surrogate, model: " + MODEL_FILE + "}",
                "the surrogate path of hypermag validate, with the model it used (" + model.origin() + ")");
        progress.note("path 2 of 2: surrogate demag, into " + surDir);
        t0 = System.nanoTime();
        ScenarioRunner.Result rs = new ScenarioRunner(surRun, options(o, SURROGATE_DIR), progress, stop).run();
        double surrogateSeconds = (System.nanoTime() - t0) / 1e9;
        boolean interrupted = rs.status() == ScenarioRunner.Status.INTERRUPTED;
        progress.note("comparing the paths");
        List<String> mismatch = new ArrayList<>();
        String surDescription = surDemag.describe();
        ValidationFile.Series series = FrameComparison.compare(RunReader.open(re.outDir()),
                RunReader.open(rs.outDir()), magnet, exactDemag, surDemag, mismatch);
        TableData te = TableData.read(re.outDir().resolve("table.csv"));
        TableData ts = TableData.read(rs.outDir().resolve("table.csv"));
        List<ValidationCheck> checks = new ArrayList<>();
        checks.add(completed("exact", re));
        checks.add(completed("surrogate", rs));
        for (String m : mismatch) {
            checks.add(new ValidationCheck(-1, "all frames", "frames match", Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, ValidationCheck.Verdict.FAIL, m));
        }
        checks.addAll(StageComparison.compare(s, te, ts, hysteresis(re.outDir()), hysteresis(rs.outDir()), series));
        Outcome partial = new Outcome(checks, series, re, rs, exactSeconds, surrogateSeconds, exactDescription,
                surDescription, interrupted, List.of());
        List<Path> files = write(s, o, partial, te, ts);
        return new Outcome(checks, series, re, rs, exactSeconds, surrogateSeconds, partial.exactDemag(),
                partial.surrogateDemag(), interrupted, files);
    }

    private static ScenarioRunner.Options options(Options o, String sub) {
        return new ScenarioRunner.Options(o.outDir().resolve(sub), false, o.overwrite(), o.version(),
                FrameSegmentWriter.DEFAULT_SEGMENT_BYTES);
    }

    private static ValidationCheck completed(String path, ScenarioRunner.Result r) {
        boolean ok = r.status() == ScenarioRunner.Status.COMPLETED;
        return new ValidationCheck(-1, "all stages", path + " path completed", Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, ok ? ValidationCheck.Verdict.PASS : ValidationCheck.Verdict.FAIL, ok ? ""
                        : r.status().name().toLowerCase(Locale.ROOT) + ": " + r.message());
    }

    private static TableData hysteresis(Path dir) {
        Path f = dir.resolve(RunLayout.HYSTERESIS_FILE);
        return Files.isRegularFile(f) ? TableData.read(f) : null;
    }

    private static List<Path> write(Scenario s, Options o, Outcome r, TableData te, TableData ts) {
        Path dir = o.outDir();
        List<Path> files = new ArrayList<>();
        ValidationFile.writeCsv(dir.resolve(CSV), r.series());
        files.add(dir.resolve(CSV));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("hypermag_version", o.version());
        a.put("scenario_name", s.name());
        a.put("scenario_source", s.source());
        a.put("exact_demag", r.exactDemag());
        a.put("surrogate_demag", r.surrogateDemag());
        a.put("exact_seconds", r.exactSeconds());
        a.put("surrogate_seconds", r.surrogateSeconds());
        a.put("speed_up", r.speedUp());
        a.put("passed", r.passed() ? 1 : 0);
        a.put("interrupted", r.interrupted() ? 1 : 0);
        a.put("units", "SI: times s, fields A/m, energies J; field errors relative to the exact field");
        int c = r.checks().size();
        List<String> names = new ArrayList<>();
        int[] stage = new int[c], verdict = new int[c];
        double[] e = new double[c], su = new double[c], d = new double[c], tol = new double[c];
        for (int k = 0; k < c; k++) {
            ValidationCheck x = r.checks().get(k);
            names.add(x.label() + ": " + x.name());
            stage[k] = x.stage();
            e[k] = x.exact();
            su[k] = x.surrogate();
            d[k] = x.difference();
            tol[k] = x.tolerance();
            verdict[k] = switch (x.verdict()) {
                case PASS -> 1;
                case FAIL -> 0;
                case INFO -> -1;
            };
        }
        ValidationFile.writeHdf5(dir.resolve(HDF5), a, s.text(), r.series(), new ValidationFile.Checks(names, stage,
                e, su, d, tol, verdict));
        files.add(dir.resolve(HDF5));
        if (!te.rows().isEmpty() && !ts.rows().isEmpty()) {
            ValidationPlot.write(te, ts, r.series().column(0), r.series().column(FrameComparison.MEDIAN),
                    r.series().column(FrameComparison.L2), s.name(), dir.resolve(PNG));
            files.add(dir.resolve(PNG));
        }
        ValidationReport.write(dir.resolve(REPORT), s, r);
        files.add(dir.resolve(REPORT));
        return files;
    }
}
