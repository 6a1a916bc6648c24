package org.hypermag.solver.field;

import org.hypermag.solver.llg.LlgEquation;
import java.util.List;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;

/** The contract test applied to every term, on grids and on arbitrary prisms with two regions. */
final class TermContracts {
    private TermContracts() {
    }

    static final Material PERMALLOY = Material.of(8e5).with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, 0.02)
            .with(InterfacialDmiField.DIND, 2e-3).with(BulkDmiField.DBULK, -1.5e-3);
    static final Material HARD = Material.of(4e5).with(ExchangeField.A, 0.7e-11)
            .with(UniaxialAnisotropyField.K1, 5e5).with(UniaxialAnisotropyField.AXIS, 1, 1, 0)
            .with(SecondOrderAnisotropyField.K2, -2e5)
            .with(CubicAnisotropyField.KC1, 3e4).with(CubicAnisotropyField.KC2, -1e4)
            .with(CubicAnisotropyField.AXES, 1, 0, 0, 0, 0.6, 0.8)
            .with(InterfacialDmiField.DIND, 3e-3).with(BulkDmiField.DBULK, -1e-3);

    static Magnet grid() {
        return Magnet.onGrid(new RegularGrid(6, 5, 2, 3e-9, 4e-9, 2e-9), HARD);
    }

    /** Touching prisms of different sizes in two regions. */
    static Magnet prisms() {
        double[] cx = {0, 5e-9, 5e-9, 11e-9, 0}, cy = {0, 0, 6e-9, 1e-9, 0}, cz = {0, 0, 0, 0, 3.5e-9};
        double[] sx = {5e-9, 5e-9, 5e-9, 7e-9, 4e-9}, sy = {6e-9, 6e-9, 6e-9, 8e-9, 4e-9},
                sz = {3e-9, 3e-9, 3e-9, 3e-9, 4e-9};
        return Magnet.ofPrisms(Prisms.of(cx, cy, cz, sx, sy, sz), new int[] {0, 0, 1, 1, 0}, List.of(PERMALLOY, HARD))
                .withExchangeScaling(0, 1, 0.5);
    }

    /** Equal prisms at irregular, non-overlapping positions, two regions. */
    static Magnet equalPrisms() {
        double[] cx = {0, 7e-9, 3e-9, -6e-9, 12e-9}, cy = {0, 1e-9, 9e-9, 4e-9, -5e-9}, cz = {0, 2e-9, -1e-9, 3e-9, 0};
        double[] s1 = {4e-9, 4e-9, 4e-9, 4e-9, 4e-9}, s2 = {5e-9, 5e-9, 5e-9, 5e-9, 5e-9},
                s3 = {2e-9, 2e-9, 2e-9, 2e-9, 2e-9};
        return Magnet.ofPrisms(Prisms.of(cx, cy, cz, s1, s2, s3), new int[] {0, 1, 0, 1, 0}, List.of(PERMALLOY, HARD));
    }

    static class ExchangeOnGrid extends FieldTermContractTest {
        Magnet magnet() {
            return grid();
        }

        FieldTerm term(Magnet magnet) {
            return ExchangeField.of(magnet);
        }
    }

    static class ExchangeOnPrisms extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return ExchangeField.of(magnet);
        }
    }

    static class InterfacialDmiOnGrid extends FieldTermContractTest {
        Magnet magnet() {
            return grid();
        }

        FieldTerm term(Magnet magnet) {
            return InterfacialDmiField.of(magnet);
        }
    }

    static class InterfacialDmiOnPrisms extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return InterfacialDmiField.of(magnet);
        }
    }

    static class BulkDmiOnGrid extends FieldTermContractTest {
        Magnet magnet() {
            return grid();
        }

        FieldTerm term(Magnet magnet) {
            return BulkDmiField.of(magnet);
        }
    }

    static class BulkDmiOnPrisms extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return BulkDmiField.of(magnet);
        }
    }

    /** Two films of a grid, 4 x 3 cells each, one empty layer between them, coupled across it. */
    static Magnet bilayer() {
        RegularGrid g = new RegularGrid(4, 3, 3, 3e-9, 4e-9, 2e-9);
        int[] cells = new int[24], regions = new int[24];
        int q = 0;
        for (int k : new int[] {0, 2}) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 4; i++) {
                    cells[q] = g.index(i, j, k);
                    regions[q++] = k == 0 ? 0 : 1;
                }
            }
        }
        return Magnet.onGrid(g, cells, regions, List.of(PERMALLOY, HARD))
                .withInterlayer(new Magnet.Interlayer(0, 1, -1.2e-3, -0.3e-3));
    }

    /** Stacked prisms of different footprints: two below (region 0), two above (region 1), one gap. */
    static Magnet stackedPrisms() {
        double[] cx = {0, 6e-9, 1e-9, 7e-9}, cy = {0, 0, 1e-9, -1e-9}, cz = {0, 0, 5e-9, 5e-9};
        double[] sx = {6e-9, 6e-9, 5e-9, 5e-9}, sy = {5e-9, 5e-9, 6e-9, 4e-9}, sz = {2e-9, 2e-9, 3e-9, 3e-9};
        return Magnet.ofPrisms(Prisms.of(cx, cy, cz, sx, sy, sz), new int[] {0, 0, 1, 1}, List.of(PERMALLOY, HARD))
                .withInterlayer(new Magnet.Interlayer(0, 1, 0.8e-3, -0.2e-3));
    }

    static class InterlayerOnGrid extends FieldTermContractTest {
        Magnet magnet() {
            return bilayer();
        }

        FieldTerm term(Magnet magnet) {
            return InterlayerExchangeField.of(magnet);
        }
    }

    static class InterlayerOnPrisms extends FieldTermContractTest {
        Magnet magnet() {
            return stackedPrisms();
        }

        FieldTerm term(Magnet magnet) {
            return InterlayerExchangeField.of(magnet);
        }
    }

    static class Uniaxial extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return UniaxialAnisotropyField.of(magnet);
        }
    }

    static class SecondOrder extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return SecondOrderAnisotropyField.of(magnet);
        }
    }

    static class Cubic extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return CubicAnisotropyField.of(magnet);
        }
    }

    static class Zeeman extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return new ZeemanField(magnet, AppliedField.sinusoid(new double[] {1e4, 0, -2e4},
                    new double[] {0, 5e4, 0}, 2e9, 0.3));
        }
    }

    static class DemagOnGrid extends FieldTermContractTest {
        Magnet magnet() {
            return grid();
        }

        FieldTerm term(Magnet magnet) {
            return new DemagTerm(magnet, new FftDemag(magnet.grid(), WorkerPool.shared()));
        }
    }

    /** Prisms of different sizes: the reciprocal coupling makes the field the energy gradient. */
    static class DemagOnPrismsOfDifferentSizes extends FieldTermContractTest {
        Magnet magnet() {
            return prisms();
        }

        FieldTerm term(Magnet magnet) {
            return new DemagTerm(magnet, DirectDemag.forPrisms(magnet.prisms(), 1L << 26, WorkerPool.shared()));
        }
    }

    /** Irregularly placed equal prisms. */
    static class DemagOnIrregularEqualPrisms extends FieldTermContractTest {
        Magnet magnet() {
            return equalPrisms();
        }

        FieldTerm term(Magnet magnet) {
            return new DemagTerm(magnet, DirectDemag.forPrisms(magnet.prisms(), 1L << 26, WorkerPool.shared()));
        }
    }
}
