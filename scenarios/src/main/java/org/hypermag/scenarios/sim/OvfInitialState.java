package org.hypermag.scenarios.sim;

import java.nio.file.Path;
import java.util.Locale;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfException;
import org.hypermag.output.ovf.OvfReader;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;

/**
 * An initial state from an OVF file (OOMMF's {@code .omf}, mumax3's {@code .ovf}): the scenario must be a grid
 * (possibly shaped) with the file's mesh, the same cell counts and cell sizes within 1e-9 relative (where the mesh
 * sits in space does not matter: OOMMF's meshes are often centred on the origin, hypermag's start at it). Each
 * domain takes the direction of its cell's vector; a zero vector inside the magnet (mumax3 and OOMMF write zeros
 * outside their geometry) is refused.
 */
final class OvfInitialState {
    /** Relative tolerance on cell sizes. */
    static final double SIZE_TOLERANCE = 1e-9;

    private OvfInitialState() {
    }

    /**
     * @param file the OVF file
     * @param d the scenario's domains
     * @return one unit vector per domain
     * @throws IllegalArgumentException naming the file and what does not match
     */
    static VectorField read(Path file, Scenario.Domains d) {
        OvfData o;
        try {
            o = OvfReader.read(file);
        } catch (OvfException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (o.irregular()) {
            throw new IllegalArgumentException(file + ": an irregular mesh (meshtype irregular); an initial state "
                    + "needs a rectangular mesh, the scenario's grid");
        }
        if (o.valueDim() != 3) {
            throw new IllegalArgumentException(file + ": valuedim " + o.valueDim() + "; an initial state needs a "
                    + "vector field (valuedim 3)");
        }
        RegularGrid g = d.grid();
        String theirs = mesh(o.nodes()[0], o.nodes()[1], o.nodes()[2], o.step());
        if (g == null) {
            throw new IllegalArgumentException(file + ": an OVF state (" + theirs + ") needs a grid geometry "
                    + "(geometry.grid); this scenario has " + d.summary());
        }
        double[] ours = {g.dx(), g.dy(), g.dz()};
        int[] counts = {g.nx(), g.ny(), g.nz()};
        for (int a = 0; a < 3; a++) {
            if (o.nodes()[a] != counts[a] || !(Math.abs(o.step()[a] - ours[a]) <= SIZE_TOLERANCE * ours[a])) {
                throw new IllegalArgumentException(file + ": the file's mesh is " + theirs + " (xnodes, ynodes, "
                        + "znodes, xstepsize, ystepsize, zstepsize); this scenario's grid is " + mesh(g.nx(), g.ny(),
                        g.nz(), ours) + "; expected the same cells and cell sizes (within " + SIZE_TOLERANCE
                        + " relative)");
            }
        }
        int n = d.size();
        int[] cells = d.gridCells();
        double[] v = o.values();
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            int c = cells == null ? i : cells[i];
            double x = v[3 * c], y = v[3 * c + 1], z = v[3 * c + 2], len = Math.sqrt(x * x + y * y + z * z);
            if (!(len > 0) || !Double.isFinite(len)) {
                int ix = c % g.nx(), iy = c / g.nx() % g.ny(), iz = c / g.nx() / g.ny();
                throw new IllegalArgumentException(file + ": node (" + ix + ", " + iy + ", " + iz + ") holds (" + x
                        + ", " + y + ", " + z + "), inside the magnet; expected a non-zero finite vector there");
            }
            m.set(i, x / len, y / len, z / len);
        }
        return m;
    }

    private static String mesh(int nx, int ny, int nz, double[] d) {
        return nx + " x " + ny + " x " + nz + " cells of " + len(d[0]) + " x " + len(d[1]) + " x " + len(d[2]) + " m";
    }

    /** A length with up to 9 significant digits and no trailing zeros (5e-09, 3.125e-09). */
    private static String len(double x) {
        String s = String.format(Locale.ROOT, "%.9e", x);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + s.substring(e);
    }
}
