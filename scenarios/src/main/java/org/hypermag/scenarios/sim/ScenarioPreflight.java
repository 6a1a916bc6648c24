package org.hypermag.scenarios.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.scenarios.spec.MemoryEstimate;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.gpu.GpuUnavailableException;
import org.hypermag.solver.magnet.Magnet;

/**
 * Everything {@code run} would refuse before simulating, found without simulating: {@code check} reports these
 * problems and {@code run} refuses on them before it touches its output directory, so the two commands always
 * agree. The checks: the domains form a magnet (prisms do not overlap), every term can be built on them (DMI needs
 * face-sharing neighbours, interlayer regions must face each other), an initial state taken from an earlier run
 * fits (the directory holds a run with frames, of the same number of domains, and the frame exists), the demag
 * method can serve the domains with its settings (a named model file exists, is valid and fits; the surrogate's
 * basis can be allocated), the memory the run needs fits in the heap, and {@code gpu: on} finds a GPU. Each problem
 * is located at its key (file:line:column).
 */
public final class ScenarioPreflight {
    private ScenarioPreflight() {
    }

    /**
     * @param s a parsed scenario
     * @return the problems, in file order (empty if the scenario can run)
     */
    public static List<Problem> problems(Scenario s) {
        List<Problem> out = new ArrayList<>();
        Magnet magnet;
        try {
            magnet = ScenarioSystem.magnet(s);
        } catch (IllegalArgumentException e) {
            out.add(s.problemAt("geometry", e.getMessage()));
            return out;
        }
        // every term can be built on these domains (DMI needs neighbours, interlayer regions must face each other)
        for (org.hypermag.solver.field.FieldTermType t : org.hypermag.solver.Physics.TERMS) {
            try {
                t.factory().create(new org.hypermag.solver.field.TermInputs(magnet, null,
                        new org.hypermag.solver.field.StageDrive()));
            } catch (IllegalArgumentException e) {
                out.add(s.problemAt(t == org.hypermag.solver.field.InterlayerExchangeField.TYPE ? "interlayer"
                        : "materials", "the " + t.name() + " term cannot be built: " + e.getMessage()));
            }
        }
        int torques = 0;
        for (org.hypermag.solver.llg.TorqueType t : org.hypermag.solver.Physics.TORQUES) {
            try {
                if (t.factory().create(new org.hypermag.solver.field.TermInputs(magnet, null,
                        new org.hypermag.solver.field.StageDrive())) != null) {
                    torques++;
                }
            } catch (IllegalArgumentException e) {
                torques++; // reported here; not also as a current that drives nothing
                out.add(s.problemAt("materials", "the " + t.name() + " torque cannot be built: " + e.getMessage()));
            }
        }
        for (int k = 0; k < s.stages().size(); k++) {
            if (torques == 0 && s.stages().get(k) instanceof Scenario.Run r && r.current() != null) {
                out.add(s.problemAt("stages[" + k + "].run.current", "a current, but it drives nothing: no material "
                        + "has Pol (Zhang-Li torque), fixed_layer or fixed_layer_region (Slonczewski torque) or "
                        + "sot_polarisation (spin-orbit torque)"));
            }
        }
        List<Scenario.Initial> states = new ArrayList<>();
        if (s.initial() instanceof Scenario.PerRegion per) {
            per.entries().forEach(e -> states.add(e.state()));
        } else {
            states.add(s.initial());
        }
        for (int k = 0; k < states.size(); k++) {
            String at = s.initial() instanceof Scenario.PerRegion ? "initial[" + k + "].file.path" : "initial.file.path";
            String why = null;
            if (states.get(k) instanceof Scenario.FromRun f) {
                why = fromRun(f, magnet.size());
            } else if (states.get(k) instanceof Scenario.FromOvf f) {
                try {
                    OvfInitialState.read(f.file(), s.domains());
                } catch (IllegalArgumentException e) {
                    why = e.getMessage();
                }
            }
            if (why != null) {
                out.add(s.problemAt(at, why));
            }
        }
        DemagProvider provider = s.demag().provider();
        String why = provider.unsupported(magnet, s.demag().settings());
        if (why != null) {
            out.add(s.problemAt(s.demag().settings().path("model") != null ? "demag.model" : "demag",
                    "the " + provider.name() + " demag cannot serve this scenario: " + why));
        } else {
            double bytes = (double) magnet.size() * MemoryEstimate.BYTES_PER_DOMAIN
                    + provider.estimateBytes(magnet, s.demag().settings());
            String memory = MemoryEstimate.exceeds(bytes, "this scenario (" + magnet.size() + " domains, "
                    + provider.name() + " demag)");
            if (memory != null) {
                out.add(s.problemAt("geometry", memory));
            }
        }
        if (s.compute().gpu() == GpuMode.ON) {
            try {
                DemagMethods.chooseDevice(s, magnet);
            } catch (GpuUnavailableException e) {
                out.add(s.problemAt("compute.gpu", e.getMessage()));
            }
        }
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return out;
    }

    /** Why an earlier run cannot be the initial state of n domains, or null. */
    private static String fromRun(Scenario.FromRun f, int n) {
        Path dir = f.directory();
        if (!Files.exists(dir)) {
            return dir + " does not exist; expected an earlier run's output directory";
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is a file; expected an earlier run's output directory (the directory holding "
                    + RunLayout.RUN_FILE + "), not one of its files";
        }
        RunReader r;
        try {
            r = RunReader.open(dir);
        } catch (RuntimeException e) {
            return dir + ": " + e.getMessage();
        }
        if (r.domains() != n) {
            return "the run in " + dir + " has " + r.domains() + " domains, this scenario " + n
                    + "; expected the same geometry";
        }
        if (r.frameCount() == 0) {
            return "the run in " + dir + " has no frames";
        }
        if (f.frame() >= r.frameCount()) {
            return "the run in " + dir + " has " + r.frameCount() + " frames (0.." + (r.frameCount() - 1)
                    + "); frame " + f.frame() + " does not exist";
        }
        return null;
    }
}
