package org.hypermag.scenarios.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hypermag.output.RunFile;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;

/** What run.h5 records of a run besides its results: the scenario, the system, the methods and where they ran. */
final class RunMetadata {
    private RunMetadata() {
    }

    /**
     * @param s the scenario
     * @param version hypermag's version
     * @param magnet the system
     * @param demag its demag method, or null
     * @param threads CPU threads
     * @param integrator the integrator's description
     * @return the metadata (its attribute map is mutable: the device is updated when the run ends)
     */
    static RunFile.Metadata of(Scenario s, String version, Magnet magnet, DemagField demag, int threads,
                               String integrator) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("hypermag_version", version);
        a.put("created", Instant.now().toString());
        a.put("scenario_name", s.name());
        a.put("scenario_source", s.source());
        a.put("units", "SI: lengths m, fields A/m, applied field B_ext in T, energies J, energy densities J/m^3, "
                + "times s; m is a unit vector");
        a.put("geometry", s.domains().summary());
        a.put("domains", magnet.size());
        a.put("demag_method", s.demag().method());
        a.put("demag_settings", demag == null ? "none" : demag.describe());
        a.put("integrator", integrator);
        a.put("threads", threads);
        a.put("device", demag == null ? "cpu" : demag.device());
        if (s.domains().seed() != null) {
            a.put("geometry_seed", s.domains().seed());
        }
        if (s.initial() instanceof Scenario.RandomDirections r) {
            a.put("initial_seed", r.seed());
        }
        a.put("table_interval", s.output().tableInterval());
        a.put("table_energies", s.output().interpolatedEnergies() ? "interpolated" : "evaluated");
        a.put("frame_interval", s.output().frameInterval());
        int[] regions = new int[magnet.size()];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = magnet.region(i);
        }
        return new RunFile.Metadata(a, s.text(), s.description(), magnet.prisms(), regions, magnet.grid(),
                magnet.gridCells(), s.materials());
    }
}
