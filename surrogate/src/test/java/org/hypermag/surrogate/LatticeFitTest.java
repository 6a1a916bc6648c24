package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/** The iterative lattice fit reaches the accuracy of the dense least-squares fit. */
class LatticeFitTest {
    private static final WorkerPool POOL = WorkerPool.shared();

    @Test
    void iterativeFitIsAsAccurateAsTheDenseFitOnAGranularFilm() {
        Prisms p = FarFieldSurrogateTest.granular();
        double[] b = Patterns.bounds(p);
        FarFieldSettings s = FarFieldSettings.DEFAULT;
        long t0 = System.nanoTime();
        FarFieldModel dense = FarFieldFit.prisms(p, b[1] - b[0], b[3] - b[2], s, POOL,
                FarFieldModel.Progress.NONE, false);
        long t1 = System.nanoTime();
        FarFieldModel lattice = FarFieldFit.prisms(p, b[1] - b[0], b[3] - b[2], s, POOL,
                FarFieldModel.Progress.NONE, true);
        long t2 = System.nanoTime();
        DemagField exact = DirectDemag.forPrisms(p, 1L << 30, POOL);
        VectorField[] ms = {Patterns.random(p, 1), Patterns.uniform(p, 0, 0, 1), Patterns.vortex(p)};
        for (VectorField m : ms) {
            VectorField he = Patterns.field(exact, m);
            double[] ed = Patterns.errors(Patterns.field(FarFieldSurrogate.forPrisms(p, dense, POOL), m), he);
            double[] el = Patterns.errors(Patterns.field(FarFieldSurrogate.forPrisms(p, lattice, POOL), m), he);
            String msg = "dense median/L2 " + ed[0] + "/" + ed[1] + ", iterative " + el[0] + "/" + el[1]
                    + " (fits " + (t1 - t0) * 1e-9 + " s, " + (t2 - t1) * 1e-9 + " s)";
            assertTrue(el[0] <= 1.5 * ed[0] + 1e-7 && el[1] <= 1.5 * ed[1] + 1e-7, msg);
        }
    }

    @Test
    void aGridTooLargeForTheDenseFitGetsTheIterativeFitWithinTheTarget() {
        RegularGrid g = new RegularGrid(300, 100, 1, 4e-9, 4e-9, 3e-9);
        FarFieldModel model = FarFieldModel.fitGrid(g, FarFieldSettings.DEFAULT, FarFieldModel.Progress.NONE);
        assertTrue(model.basisSize() > FarFieldFit.ITERATIVE_ABOVE, "L = " + model.basisSize());
        Prisms p = g.toPrisms();
        FarFieldSurrogate s = FarFieldSurrogate.forGrid(g, null, model, POOL);
        DemagField exact = new FftDemag(g, POOL);
        for (VectorField m : new VectorField[] {Patterns.random(p, 2), Patterns.vortex(p)}) {
            double[] e = Patterns.errors(Patterns.field(s, m), Patterns.field(exact, m));
            assertTrue(e[0] <= 1e-3 && e[1] <= 5e-3, "L = " + model.basisSize() + ": median " + e[0] + ", L2 " + e[1]);
        }
    }
}
