package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hypermag.scenarios.spec.Scenario.Domains;
import org.hypermag.scenarios.spec.Scenario.ExchangeScaling;
import org.hypermag.solver.Physics;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * The {@code materials:} section, one entry per region. Its keys are the material parameters every term and torque
 * declares ({@link Physics#materialParameters()}): each is validated by its own declaration (shape, range, unit),
 * and an unknown key gets the nearest known one as a suggestion. Also {@code exchange_scaling}.
 */
final class MaterialsSection {
    private MaterialsSection() {
    }

    /** @return the keys a material entry may have: region and every declared parameter */
    static Set<String> allowedKeys() {
        Set<String> k = new LinkedHashSet<>();
        k.add("region");
        for (Parameter p : Physics.materialParameters()) {
            k.add(p.key());
        }
        return k;
    }

    static List<Material> materials(YamlNode node, Domains domains) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        Material[] byRegion = new Material[1001];
        int maxRegion = -1;
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode.Mapping m = it.mapping(allowedKeys());
            if (m == null) {
                ok = false;
                continue;
            }
            Integer region = m.optional("region", n -> n.integer(0, 1000, "region index"), 0);
            Material material = material(m);
            if (region == null || material == null) {
                ok = false;
                continue;
            }
            if (byRegion[region] != null) {
                it.error("region " + region + " has two materials; expected one material per region");
                ok = false;
                continue;
            }
            byRegion[region] = material;
            maxRegion = Math.max(maxRegion, region);
        }
        if (!ok) {
            return null;
        }
        if (domains != null) {
            Set<Integer> missing = new TreeSet<>();
            for (int r : domains.regions()) {
                if (r > maxRegion || byRegion[r] == null) {
                    missing.add(r);
                }
            }
            if (!missing.isEmpty()) {
                node.error("the geometry uses region(s) " + missing + " but no material is given for them; expected "
                        + "a materials entry with 'region: N' for each");
                return null;
            }
        }
        Material filler = null;
        for (Material x : byRegion) {
            filler = filler == null ? x : filler;
        }
        List<Material> out = new ArrayList<>();
        for (int r = 0; r <= maxRegion; r++) {
            // regions without domains never reach a domain; fill their slot with a real material
            out.add(byRegion[r] != null ? byRegion[r] : filler);
        }
        return out;
    }

    /** One material from its entry: every declared parameter that is given, checked by its declaration. */
    private static Material material(YamlNode.Mapping m) {
        Parameter ms = Material.MS;
        Double msValue = m.required(ms.key(), ms.doc() + ", " + ms.expected(), n -> scalar(n, ms));
        if (msValue == null) {
            for (Parameter p : Physics.materialParameters()) {
                if (p != ms && m.has(p.key())) {
                    value(m.get(p.key()), p); // report its problems too
                }
            }
            return null;
        }
        Material material = Material.of(msValue);
        boolean ok = true;
        for (Parameter p : Physics.materialParameters()) {
            if (p == ms) {
                continue;
            }
            if (!m.has(p.key())) {
                if (p.isRequiredInFiles()) {
                    m.require(p.key(), p.doc() + ", " + p.expected());
                    ok = false;
                }
                continue;
            }
            double[] v = value(m.get(p.key()), p);
            if (v == null) {
                ok = false;
            } else {
                material = material.with(p, v);
            }
        }
        return ok ? material : null;
    }

    private static Double scalar(YamlNode n, Parameter p) {
        return n.number(p.expected(), x -> p.check(new double[] {x}) == null);
    }

    /** Reads a parameter's value in its shape and checks it; null with the problem recorded. */
    private static double[] value(YamlNode n, Parameter p) {
        double[] v;
        switch (p.shape()) {
            case SCALAR: {
                Double x = scalar(n, p);
                return x == null ? null : new double[] {x};
            }
            case DIRECTION:
                v = n.vector(3, "direction", false);
                break;
            default: {
                List<YamlNode> ax = n.isList() ? n.list(2) : null;
                if (ax == null || ax.size() != 2) {
                    n.error("got " + n.shown() + "; expected " + p.expected());
                    return null;
                }
                double[] a = ax.get(0).vector(3, "direction", false), b = ax.get(1).vector(3, "direction", false);
                if (a == null || b == null) {
                    return null;
                }
                v = new double[] {a[0], a[1], a[2], b[0], b[1], b[2]};
            }
        }
        if (v == null) {
            return null;
        }
        String problem = p.check(v);
        if (problem != null) {
            n.error(problem);
            return null;
        }
        return v;
    }

    static List<ExchangeScaling> exchangeScaling(YamlNode node, List<Material> materials) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<ExchangeScaling> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode.Mapping m = it.mapping(keys("regions", "factor"));
            if (m == null) {
                ok = false;
                continue;
            }
            int[] r = regionPair(m, materials);
            Double f = m.required("factor", "scaling of the inter-region exchange, >= 0",
                    n -> n.nonNegative("dimensionless"));
            if (r == null || f == null) {
                ok = false;
                continue;
            }
            int r1 = r[0], r2 = r[1];
            out.add(new ExchangeScaling(r1, r2, f));
        }
        return ok ? out : null;
    }

    /** The key {@code regions: [r1, r2]} of a mapping: two different regions that have materials; null if not. */
    private static int[] regionPair(YamlNode.Mapping m, List<Material> materials) {
        YamlNode rn = m.require("regions", "the two regions, [r1, r2]");
        List<YamlNode> rs = rn == null ? null : rn.list(2);
        Integer r1 = null, r2 = null;
        if (rs != null && rs.size() == 2) {
            r1 = rs.get(0).integer(0, 1000, "region index");
            r2 = rs.get(1).integer(0, 1000, "region index");
        } else if (rs != null) {
            rn.error("got " + rs.size() + " regions; expected two, [r1, r2]");
        }
        if (r1 == null || r2 == null) {
            return null;
        }
        if (materials != null && (r1 >= materials.size() || r2 >= materials.size())) {
            rn.error("got regions [" + r1 + ", " + r2 + "]; expected regions that have materials (0.."
                    + (materials.size() - 1) + ")");
            return null;
        }
        if (r1.equals(r2)) {
            rn.error("got the same region twice; expected two different regions");
            return null;
        }
        return new int[] {r1, r2};
    }

    /**
     * The {@code interlayer:} section: exchange between two regions across a spacer, per area of the facing
     * surfaces: {@code [{regions: [a, b], J1: ..., J2: ...}]} (J/m²; J2 optional, default 0).
     */
    static List<org.hypermag.solver.magnet.Magnet.Interlayer> interlayer(YamlNode node, List<Material> materials) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<org.hypermag.solver.magnet.Magnet.Interlayer> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode.Mapping m = it.mapping(keys("regions", "J1", "J2"));
            if (m == null) {
                ok = false;
                continue;
            }
            int[] r = regionPair(m, materials);
            Double j1 = m.required("J1", "bilinear coupling in J/m^2 (< 0 antiparallel, > 0 parallel)",
                    n -> n.finite("J/m^2"));
            Double j2 = m.optional("J2", n -> n.finite("J/m^2"), 0.0);
            if (r == null || j1 == null || j2 == null) {
                ok = false;
                continue;
            }
            out.add(new org.hypermag.solver.magnet.Magnet.Interlayer(r[0], r[1], j1, j2));
        }
        return ok ? out : null;
    }
}
