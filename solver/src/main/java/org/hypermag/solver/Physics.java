package org.hypermag.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hypermag.solver.field.BulkDmiField;
import org.hypermag.solver.field.CubicAnisotropyField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.FieldTermType;
import org.hypermag.solver.field.InterfacialDmiField;
import org.hypermag.solver.field.InterlayerExchangeField;
import org.hypermag.solver.field.SecondOrderAnisotropyField;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.Torque;
import org.hypermag.solver.llg.SlonczewskiTorque;
import org.hypermag.solver.llg.SpinOrbitTorque;
import org.hypermag.solver.llg.TorqueType;
import org.hypermag.solver.llg.ZhangLiTorque;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * The one list of the physics hypermag knows: every effective-field term and every torque, each declared by its own
 * class ({@code TYPE}). Everything that depends on the set of terms iterates over these lists: the simulation builds
 * its effective field and torques here, the run table and the frames take their energy columns from
 * {@link #energyColumns()}, the run file and the scenario parser take the material keys from
 * {@link #materialParameters()}, and docs/scenarios.md's key table is {@link #materialKeyTable()} (a test keeps them
 * equal). Adding a term is one class and one line here.
 */
public final class Physics {
    /** The effective-field terms, in evaluation order. */
    public static final List<FieldTermType> TERMS = List.of(ExchangeField.TYPE, InterlayerExchangeField.TYPE,
            InterfacialDmiField.TYPE,
            BulkDmiField.TYPE, UniaxialAnisotropyField.TYPE,
            SecondOrderAnisotropyField.TYPE, CubicAnisotropyField.TYPE, ZeemanField.TYPE, DemagTerm.TYPE,
            ThermalField.TYPE);

    /** The torques besides precession and damping (spin-transfer, spin-orbit), in evaluation order. */
    public static final List<TorqueType> TORQUES = List.of(ZhangLiTorque.TYPE, SlonczewskiTorque.TYPE,
            SpinOrbitTorque.TYPE);

    private static final List<String> ENERGY_COLUMNS = energyColumnsOf(TERMS);

    private Physics() {
    }

    /**
     * @return every material parameter, each once, in order: Ms, the LLG equation's (alpha, gamma), then each
     *     term's and each torque's
     */
    public static List<Parameter> materialParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        List<Parameter> order = new ArrayList<>();
        order.add(Material.MS);
        order.addAll(LlgEquation.PARAMETERS);
        for (FieldTermType t : TERMS) {
            order.addAll(t.parameters());
        }
        for (TorqueType t : TORQUES) {
            order.addAll(t.parameters());
        }
        for (Parameter p : order) {
            Parameter before = all.putIfAbsent(p.key(), p);
            if (before != null && before != p) {
                throw new IllegalStateException("two parameters declare the key " + p.key());
            }
        }
        return List.copyOf(all.values());
    }

    /**
     * @return the energy columns of all terms, each once, in term order: the run table has {@code E_<column>} (J) for
     *     each, the frames' energy densities one column each (J/m³)
     */
    public static List<String> energyColumns() {
        return ENERGY_COLUMNS;
    }

    private static List<String> energyColumnsOf(List<FieldTermType> terms) {
        Set<String> c = new LinkedHashSet<>();
        for (FieldTermType t : terms) {
            if (t.energyColumn() != null) {
                c.add(t.energyColumn());
            }
        }
        return List.copyOf(c);
    }

    /**
     * @param term a term
     * @return the index of its energy column in {@link #energyColumns()}, −1 for a term without energy (the thermal
     *     field)
     */
    public static int energyColumnOf(FieldTerm term) {
        if (term.type().energyColumn() == null) {
            return -1;
        }
        int k = ENERGY_COLUMNS.indexOf(term.type().energyColumn());
        if (k < 0) {
            throw new IllegalArgumentException("term " + term.name() + " is not in Physics.TERMS");
        }
        return k;
    }

    /**
     * Builds every term that contributes for a system.
     *
     * @param inputs the system, its demag method and the stage drive
     * @return the effective field
     */
    public static EffectiveField effectiveField(TermInputs inputs) {
        List<FieldTerm> terms = new ArrayList<>();
        for (FieldTermType t : TERMS) {
            FieldTerm term = t.factory().create(inputs);
            if (term != null) {
                terms.add(term);
            }
        }
        return new EffectiveField(inputs.magnet().size(), terms.toArray(new FieldTerm[0]));
    }

    /**
     * Builds every torque that contributes for a system.
     *
     * @param inputs the system and the stage drive
     * @return the torques (often none)
     */
    public static List<Torque> torques(TermInputs inputs) {
        List<Torque> out = new ArrayList<>();
        for (TorqueType t : TORQUES) {
            Torque torque = t.factory().create(inputs);
            if (torque != null) {
                out.add(torque);
            }
        }
        return out;
    }

    /**
     * The material key table of docs/scenarios.md, generated from the declarations.
     *
     * @return a Markdown table: key, unit, default, allowed values, meaning, declared by
     */
    public static String materialKeyTable() {
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put(Material.MS.key(), "the material");
        for (Parameter p : LlgEquation.PARAMETERS) {
            owner.put(p.key(), "the LLG equation");
        }
        for (FieldTermType t : TERMS) {
            for (Parameter p : t.parameters()) {
                owner.merge(p.key(), t.name() + " term", (a, b) -> a + ", " + b);
            }
        }
        for (TorqueType t : TORQUES) {
            for (Parameter p : t.parameters()) {
                owner.merge(p.key(), t.name() + " torque", (a, b) -> a + ", " + b);
            }
        }
        StringBuilder b = new StringBuilder("| key | unit | default | allowed | meaning | used by |\n"
                + "|---|---|---|---|---|---|\n");
        for (Parameter p : materialParameters()) {
            b.append("| `").append(p.key()).append("` | ").append(p.unit()).append(" | ")
                    .append(p.isRequiredInFiles() ? "required" : p.unsetMeaning() != null ? p.unsetMeaning()
                            : value(p.defaultValue())).append(" | ")
                    .append(p.expected())
                    .append(" | ").append(p.doc()).append(" | ").append(owner.get(p.key())).append(" |\n");
        }
        return b.toString();
    }

    private static String value(double[] v) {
        if (v.length == 1) {
            return fmt(v[0]);
        }
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < v.length; k++) {
            b.append(k == 0 ? "" : k % 3 == 0 ? "], [" : ", ").append(fmt(v[k]));
        }
        return (v.length > 3 ? "[" : "") + b.append(v.length > 3 ? "]]" : "]");
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e6 ? Long.toString((long) x) : String.format(Locale.ROOT, "%g", x);
    }
}
