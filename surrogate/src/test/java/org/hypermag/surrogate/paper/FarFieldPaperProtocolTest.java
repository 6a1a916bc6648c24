package org.hypermag.surrogate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.junit.jupiter.api.Test;

class FarFieldPaperProtocolTest {
    private static final WorkerPool POOL = WorkerPool.shared();
    private static final long SEED = 1001;
    private static final Sampling VARIANT = Sampling.fixedThickness(0.5);

    /** R = 2 sizes leaves too little room for the smeared kernel; these numbers were measured with the fit. */
    private static final FarFieldSettings FITTED_R2 = new FarFieldSettings(2, 8, 4)
            .withConstruction(FarFieldSettings.Construction.FITTED);

    @Test
    void fixedThicknessVariantDrawsThePaperSourcesAndPointsWithOneThickness() {
        Examples paper = Examples.generate(40, 2, 20, 16, SEED, Examples.TEST_MULTI);
        Examples fixed = Examples.generate(40, 2, 20, 16, SEED, Examples.TEST_MULTI, VARIANT);
        assertEquals(paper.sourceStart.length, fixed.sourceStart.length);
        for (int e = 0; e <= paper.count; e++) {
            assertEquals(paper.sourceStart[e], fixed.sourceStart[e]);
        }
        double minT = Double.MAX_VALUE, maxT = 0;
        for (int s = 0; s < paper.sourceStart[paper.count]; s++) {
            for (int k = 0; k < Examples.FEATURES; k++) {
                int o = s * Examples.FEATURES + k;
                if (k == 4) {
                    assertEquals(0.5, fixed.sources[o], 0);
                    minT = Math.min(minT, paper.sources[o]);
                    maxT = Math.max(maxT, paper.sources[o]);
                } else {
                    assertEquals(paper.sources[o], fixed.sources[o], 0, "feature " + k + " of source " + s);
                }
            }
        }
        assertTrue(minT >= 0.1 && maxT <= 1 && maxT - minT > 0.5, "paper thickness in " + minT + ".." + maxT);
        for (int i = 0; i < paper.px.length; i++) {
            assertEquals(paper.px[i], fixed.px[i], 0);
            assertEquals(paper.py[i], fixed.py[i], 0);
        }
        assertNotEquals(paper.hz[0], fixed.hz[0], "the targets follow the thickness");
        assertEquals(Examples.generate(3, 1, 1, 4, SEED, Examples.TEST_SINGLE).hx[5],
                Examples.generate(3, 1, 1, 4, SEED, Examples.TEST_SINGLE, Sampling.PAPER).hx[5], 0,
                "the original protocol's data are unchanged");
    }

    @Test
    void defaultNearRadiusContainsTheWholeDomainSoTheFitSaysThereIsNoFarZone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FarFieldPaperProtocol.fit(
                FarFieldSettings.DEFAULT, 0.5, FarFieldPaperProtocol.SPAN, POOL));
        assertTrue(e.getMessage().contains("no far zone") && e.getMessage().contains("R = 12.5 domain units"),
                e.getMessage());
    }

    @Test
    void withDefaultsEveryPairOfTheDomainIsNearSoTheFieldIsExact() {
        // fitted for offsets up to R so that a far zone exists; the protocol's pairs all lie inside R
        FarFieldModel m = FarFieldPaperProtocol.fit(FarFieldSettings.DEFAULT, 0.5, 12.5, POOL);
        FarFieldPaperProtocol.Report r = FarFieldPaperProtocol.evaluate(m, VARIANT, SEED, POOL);
        assertEquals(1, r.singleNear(), 0);
        assertEquals(1, r.multiNear(), 0);
        assertTrue(Double.isNaN(r.singleFarH()) && Double.isNaN(r.multiFarH()), r.toString());
        assertTrue(r.singleH() <= 1e-9 && r.multiH() <= 1e-9, r.tableRow());
        assertEquals(500 * 256, r.points()[0]);
        assertEquals(200 * 256, r.points()[1]);
    }

    @Test
    void smallNearRadiusExercisesTheHarmonicFarFieldWithSmallButNonzeroError() {
        FarFieldModel m = FarFieldPaperProtocol.fit(FITTED_R2, 0.5,
                FarFieldPaperProtocol.SPAN, POOL);
        FarFieldPaperProtocol.Report r = FarFieldPaperProtocol.evaluate(m, VARIANT, SEED, POOL);
        assertEquals(2.5, r.nearRadius(), 1e-12);
        // about half of the source-point pairs are beyond R (measured 53 %, 54 %)
        assertTrue(r.singleNear() > 0.3 && r.singleNear() < 0.7 && r.multiNear() > 0.3 && r.multiNear() < 0.7,
                r.tableRow());
        // measured 2026-11-23: Δ_H 8.7e-5 single, 5.1e-5 multi; 6.0e-4, 6.0e-5 at points with a far source
        assertTrue(r.singleH() > 1e-7 && r.multiH() > 1e-7, "the far field is exercised: " + r.tableRow());
        assertTrue(r.singleH() < 3e-4 && r.multiH() < 3e-4, r.tableRow());
        assertTrue(r.singleFarH() < 2e-3 && r.multiFarH() < 3e-4, r.tableRow());
    }

    @Test
    void theOriginalProtocolIsRejectedWithTheModelsReason() {
        FarFieldModel m = FarFieldPaperProtocol.fit(FITTED_R2, 0.5,
                FarFieldPaperProtocol.SPAN, POOL);
        String why = FarFieldPaperProtocol.unsupported(m, Sampling.PAPER, SEED);
        assertTrue(why.contains("thickness uniform in [0.1, 1]"), why);
        assertTrue(why.contains("single-source set, example 0: the domains are")
                && why.contains("the model was fitted for 5.00000e-09 m"), why);
        assertTrue(why.contains("multi-source set, example 0: the far-field surrogate supports thin films"), why);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FarFieldPaperProtocol.evaluate(m, Sampling.PAPER, SEED, POOL));
        assertEquals(why, e.getMessage());
        assertEquals(null, FarFieldPaperProtocol.unsupported(m, VARIANT, SEED));
        String other = FarFieldPaperProtocol.unsupported(m, Sampling.fixedThickness(0.4), SEED);
        assertTrue(other.contains("the domains are 4.00000e-09 m thick"), other);
    }
}
