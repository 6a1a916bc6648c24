package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hypermag.scenarios.spec.Scenario.FrameField;
import org.hypermag.scenarios.spec.Scenario.Output;
import org.hypermag.scenarios.spec.Scenario.Validation;

/** The {@code output:} section (directory, intervals, frame contents, bounds) and {@code validation:} tolerances. */
final class OutputSection {
    private OutputSection() {
    }

    static Output output(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("directory", "table_interval", "frame_interval", "fields", "precision",
                "checkpoint_interval", "max_rows", "max_frames", "formats", "ovf_format", "table_energies"));
        if (m == null) {
            return null;
        }
        Path dir = null;
        if (m.has("directory")) {
            String d = m.get("directory").text();
            if (d == null) {
                return null;
            }
            dir = Path.of(d);
        }
        Double table = m.optional("table_interval", n -> n.positive("s"), 1e-12);
        Double frames = m.optional("frame_interval", n -> n.nonNegative("s; 0 for frames at stage ends only"), 0.0);
        Long maxRows = m.optional("max_rows", n -> n.longInteger(1, Long.MAX_VALUE / 4, "most table rows a run may "
                + "write"), Output.DEFAULT_MAX_ROWS);
        Long maxFrames = m.optional("max_frames", n -> n.longInteger(1, Long.MAX_VALUE / 4, "most frames a run may "
                + "write"), Output.DEFAULT_MAX_FRAMES);
        Set<FrameField> fields = EnumSet.of(FrameField.M);
        if (m.has("fields")) {
            List<YamlNode> fs = m.get("fields").list(1);
            if (fs == null) {
                return null;
            }
            for (YamlNode f : fs) {
                String v = f.choice(List.of("m", "demag_field", "effective_field", "energy_density"));
                if (v == null) {
                    return null;
                }
                fields.add(FrameField.valueOf(v.toUpperCase(Locale.ROOT)));
            }
        }
        String precision = m.optional("precision", n -> n.choice(List.of("float32", "float64")), "float32");
        boolean ovf = false;
        if (m.has("formats")) {
            List<YamlNode> fs = m.get("formats").list(1);
            if (fs == null) {
                return null;
            }
            boolean h5 = false;
            for (YamlNode f : fs) {
                String v = f.choice(List.of("h5", "ovf"));
                if (v == null) {
                    return null;
                }
                h5 |= v.equals("h5");
                ovf |= v.equals("ovf");
            }
            if (!h5) {
                m.get("formats").error("got " + m.get("formats").shown() + "; the HDF5 frames are always written "
                        + "(they are the run's record): expected [h5] or [h5, ovf]");
                return null;
            }
        }
        String ovfFormat = m.optional("ovf_format", n -> n.choice(List.of("b4", "b8", "text")), "b4");
        if (ovfFormat != null && m.has("ovf_format") && !ovf) {
            m.get("ovf_format").error("ovf_format without ovf in formats; expected formats: [h5, ovf] as well");
            return null;
        }
        Double checkpoint = m.optional("checkpoint_interval", n -> n.positive("s of wall time"), 60.0);
        String energies = m.optional("table_energies", n -> n.choice(List.of("interpolated", "evaluated")),
                "interpolated");
        if (table == null || frames == null || precision == null || checkpoint == null || maxRows == null
                || maxFrames == null || ovfFormat == null || energies == null) {
            return null;
        }
        double ratio = frames / table;
        if (frames > 0 && (ratio < 1 - 1e-9 || Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio)) {
            m.get("frame_interval").error("got " + m.get("frame_interval").shown() + "; expected a multiple of "
                    + "table_interval = " + table + " s (frames are written at table rows)");
            return null;
        }
        return new Output(dir, table, frames, fields, precision.equals("float64"), checkpoint, maxRows, maxFrames,
                ovf ? ovfFormat : null, energies.equals("interpolated"));
    }

    static Validation validation(YamlNode node) {
        String[][] keys = {{"field_error_median", "relative"}, {"field_error_l2", "relative"},
            {"field_error_max", "relative"}, {"zero_crossing_time", "s"}, {"final_m", "per component of <m>"},
            {"coercive_field", "A/m"}, {"remanence", "of m along the field"}, {"energy", "relative"},
            {"state_difference", "mean |m_s - m_e|"}, {"max_m_divergence", "max |m_s - m_e|"}};
        Set<String> names = new LinkedHashSet<>();
        for (String[] k : keys) {
            names.add(k[0]);
        }
        YamlNode.Mapping m = node.mapping(names);
        if (m == null) {
            return null;
        }
        Validation d = Validation.DEFAULT;
        double[] v = {d.fieldErrorMedian(), d.fieldErrorL2(), d.fieldErrorMax(), d.zeroCrossingTime(), d.finalM(),
            d.coerciveField(), d.remanence(), d.energy(), d.stateDifference(), d.maxMDivergence()};
        boolean ok = true;
        for (int k = 0; k < keys.length; k++) {
            if (m.has(keys[k][0])) {
                YamlNode n = m.get(keys[k][0]);
                if (n.isScalar() && "off".equals(n.text())) {
                    v[k] = Double.POSITIVE_INFINITY;
                    continue;
                }
                Double x = n.positive(keys[k][1] + "; or off to report it unchecked");
                ok &= x != null;
                v[k] = x == null ? Double.NaN : x;
            }
        }
        return ok ? new Validation(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]) : null;
    }
}
