package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioException;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;

class InitialStatesAndLandmarksTest {

    private static Scenario grid(String initial) {
        return ScenarioParser.parse("geometry: {grid: {cells: [21, 21, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}\n"
                + "materials: [{region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}]\ninitial: " + initial
                + "\nstages: [{relax: {}}]\n", "t.yaml", Path.of("."), "t");
    }

    @Test
    void uniformStateIsNormalised() {
        VectorField m = ScenarioSystem.initial(grid("{uniform: [3, 0, 4]}"));
        assertEquals(0.6, m.x[100], 1e-15);
        assertEquals(0.8, m.z[7], 1e-15);
    }

    @Test
    void randomStateIsSeededUnitAndIsotropic() {
        VectorField a = ScenarioSystem.initial(grid("{random: {seed: 5}}"));
        VectorField b = ScenarioSystem.initial(grid("{random: {seed: 5}}"));
        VectorField c = ScenarioSystem.initial(grid("{random: {seed: 6}}"));
        assertArrayEquals(a.x, b.x);
        assertFalse(java.util.Arrays.equals(a.x, c.x));
        double mz = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(1, a.x[i] * a.x[i] + a.y[i] * a.y[i] + a.z[i] * a.z[i], 1e-14);
            mz += a.z[i] / a.size();
        }
        assertEquals(0, mz, 0.1, "isotropic: the mean is near zero for 441 directions");
    }

    /**
     * A skyrmion: the core along the polarity, m_z = 0 at the radius, the background opposite, the in-plane part
     * along the outward radius for a Néel skyrmion and turned by 90° for a Bloch one.
     */
    @Test
    void skyrmionHasItsCoreRadiusAndChirality() {
        // cell centres at (i + 0.5) nm: the centre (10.5, 10.5) nm is cell (10, 10)
        VectorField neel = ScenarioSystem.initial(grid("{skyrmion: {centre: [10.5e-9, 10.5e-9], radius: 5.0e-9, "
                + "width: 1.0e-9, polarity: -1, chirality: neel}}"));
        int centre = 10 + 21 * 10, atRadius = 15 + 21 * 10, edge = 20 + 21 * 10;
        assertEquals(-1, neel.z[centre], 1e-3, "core along -z");
        assertEquals(0, neel.z[atRadius], 1e-12, "m_z = 0 at the radius");
        assertEquals(1, neel.x[atRadius], 1e-12, "Neel: in-plane along the outward radius (+x here)");
        assertTrue(neel.z[edge] > 0.99, "background opposite to the core: " + neel.z[edge]);
        VectorField bloch = ScenarioSystem.initial(grid("{skyrmion: {centre: [10.5e-9, 10.5e-9], radius: 5.0e-9, "
                + "chirality: bloch}}"));
        assertEquals(1, bloch.y[atRadius], 1e-12, "Bloch: turned 90 degrees counter-clockwise from the radius");
        assertEquals(1, bloch.z[centre], 0.05, "polarity +1 by default");
    }

    /** Two domains: sharp without a width; with a width, a wall through the given middle direction. */
    @Test
    void twoDomainStateTurnsThroughItsWall() {
        VectorField sharp = ScenarioSystem.initial(grid("{two_domain: {axis: x, position: 10.5e-9, first: [0, 0, 1], "
                + "second: [0, 0, -1]}}"));
        assertEquals(1, sharp.z[9 + 21 * 3], 1e-15);
        assertEquals(-1, sharp.z[11 + 21 * 3], 1e-15);
        VectorField wall = ScenarioSystem.initial(grid("{two_domain: {axis: x, position: 10.5e-9, first: [0, 0, 1], "
                + "second: [0, 0, -1], middle: [1, 0, 0], width: 2.0e-9}}"));
        assertEquals(1, wall.x[10 + 21 * 3], 1e-12, "a Neel wall: along +x at its centre");
        assertTrue(wall.z[0] > 0.99 && wall.z[20] < -0.99, "domains far from the wall");
        for (int i = 0; i < wall.size(); i++) {
            assertEquals(1, wall.x[i] * wall.x[i] + wall.y[i] * wall.y[i] + wall.z[i] * wall.z[i], 1e-12);
        }
    }

    /** A list sets regions separately; later entries win, an entry without a region sets all. */
    @Test
    void perRegionStatesSetTheirRegions() {
        Scenario s = ScenarioParser.parse("geometry: {grid: {cells: [4, 1, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9], "
                + "regions: [{region: 0, shape: {rectangle: {centre: [1.0e-9, 0.5e-9], size: [2.0e-9, 1.0e-9]}}}, "
                + "{region: 1, shape: {rectangle: {centre: [3.0e-9, 0.5e-9], size: [2.0e-9, 1.0e-9]}}}]}}\n"
                + "materials: [{region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}, {region: 1, Ms: 8.0e5, A: 0, alpha: 0.1}]\n"
                + "initial: [{uniform: [0, 0, 1]}, {region: 1, uniform: [1, 0, 0]}]\nstages: [{relax: {}}]\n",
                "t.yaml", Path.of("."), "t");
        VectorField m = ScenarioSystem.initial(s);
        assertEquals(1, m.z[0], 1e-15);
        assertEquals(1, m.z[1], 1e-15);
        assertEquals(1, m.x[2], 1e-15);
        assertEquals(1, m.x[3], 1e-15);
    }

    @Test
    void vortexCirculatesAroundItsCoreWhichPointsAlongThePolarity() {
        Scenario s = grid("{vortex: {centre: [10.5e-9, 10.5e-9], circulation: -1, polarity: -1, core_radius: 2.0e-9}}");
        VectorField m = ScenarioSystem.initial(s);
        int centre = 10 + 21 * 10, right = 20 + 21 * 10;
        assertEquals(-1, m.z[centre], 1e-12, "core along -z");
        // at +x of the core, counter-clockwise would be +y; circulation -1 gives -y
        assertTrue(m.y[right] < -0.99 && Math.abs(m.z[right]) < 1e-9, "in-plane, clockwise: " + m.y[right]);
    }

    @Test
    void vortexAlongXCirculatesInTheYzPlaneAroundACoreAlongX() {
        // a 21 x 1 x 21 slab in the x-z plane would hide y; use a 1 x 21 x 21 slab: the y-z plane, core along x
        Scenario s = ScenarioParser.parse("geometry: {grid: {cells: [1, 21, 21], cell_size: [1.0e-9, 1.0e-9, "
                + "1.0e-9]}}\nmaterials: [{region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}]\ninitial: {vortex: {axis: x, "
                + "centre: [10.5e-9, 10.5e-9], core_radius: 2.0e-9}}\nstages: [{relax: {}}]\n", "t.yaml", Path.of("."),
                "t");
        VectorField m = ScenarioSystem.initial(s);
        int centre = 10 + 21 * 10, atPlusY = 20 + 21 * 10, atPlusZ = 10 + 21 * 20;
        assertEquals(1, m.x[centre], 1e-12, "core along +x");
        // counter-clockwise seen from +x: at +y the magnetisation points along +z, at +z along -y
        assertTrue(m.z[atPlusY] > 0.99 && Math.abs(m.x[atPlusY]) < 1e-9, "at +y: " + m.z[atPlusY]);
        assertTrue(m.y[atPlusZ] < -0.99 && Math.abs(m.x[atPlusZ]) < 1e-9, "at +z: " + m.y[atPlusZ]);
    }

    @Test
    void vortexAxisMustBeACoordinateAxis() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> grid("{vortex: {axis: w, "
                + "centre: [1.0e-9, 1.0e-9]}}"));
        assertTrue(e.getMessage().contains("t.yaml:3:26: initial.vortex.axis: got 'w'; expected one of x, y, z"),
                e.getMessage());
    }

    @Test
    void coerciveFieldAndRemanenceAreInterpolatedOnABranch() {
        // (H, m): a square-ish loop branch going from +H to -H
        List<double[]> branch = List.of(new double[] {2, 1}, new double[] {1, 0.95}, new double[] {-1, 0.9},
                new double[] {-2, -0.6}, new double[] {-3, -1});
        assertEquals(List.of(-1 - 0.9 / 1.5), HysteresisLandmarks.coercive(branch));
        assertEquals(List.of(0.925), HysteresisLandmarks.remanence(branch));
    }

    @Test
    void coerciveFieldIsTheRealSwitchNotASignFlipOfNoiseNearZero() {
        // a three-layer stack's branch (mu0 H in mT as H): saturated, then at -17 mT it drops to a compensated
        // state whose m is noise around zero (+-3e-4, flipping sign at -59.5 mT), then saturates negatively
        List<double[]> branch = List.of(new double[] {20, 1}, new double[] {0, 0.98}, new double[] {-16, 0.97},
                new double[] {-18, 0.0003}, new double[] {-40, 0.0002}, new double[] {-59, 0.0003},
                new double[] {-60, -0.0003}, new double[] {-80, -0.0002}, new double[] {-120, -0.4},
                new double[] {-140, -1});
        List<Double> hc = HysteresisLandmarks.coercive(branch);
        assertEquals(1, hc.size(), "one switch on the branch: " + hc);
        assertEquals(-18, hc.get(0), 1e-9, "the jump between -16 and -18 mT, clamped to it, not the noise flip at -59.5");
        // no switch at all: m stays positive, dipping only within noise
        assertEquals(List.of(), HysteresisLandmarks.coercive(List.of(new double[] {1, 0.5}, new double[] {0, 0.0004},
                new double[] {-1, -0.0004}, new double[] {-2, 0.4})));
    }
}
