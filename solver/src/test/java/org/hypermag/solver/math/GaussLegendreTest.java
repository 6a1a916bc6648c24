package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {

    @Test
    void twoPointRuleHasNodesAtPlusMinusOneOverRootThree() {
        GaussLegendre g = new GaussLegendre(2);
        assertEquals(-1 / Math.sqrt(3), g.node(0), 2e-16);
        assertEquals(1 / Math.sqrt(3), g.node(1), 2e-16);
        assertEquals(1, g.weight(0), 1e-15);
    }

    @Test
    void nPointRuleIntegratesPolynomialsUpToDegreeTwoNMinusOneExactly() {
        for (int n = 1; n <= 12; n++) {
            GaussLegendre g = new GaussLegendre(n);
            for (int p = 0; p <= 2 * n - 1; p++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += g.weight(i) * Math.pow(g.node(i), p);
                }
                double exact = p % 2 == 1 ? 0 : 2.0 / (p + 1);
                assertEquals(exact, sum, 1e-14, "n=" + n + " degree " + p);
            }
        }
    }

    @Test
    void ruleIsNotExactForDegreeTwoN() {
        GaussLegendre g = new GaussLegendre(3);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += g.weight(i) * Math.pow(g.node(i), 6);
        }
        assertEquals(2.0 / 7, sum, 0.1);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(sum - 2.0 / 7) > 1e-3);
    }
}
