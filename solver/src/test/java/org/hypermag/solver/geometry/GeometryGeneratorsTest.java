package org.hypermag.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryGeneratorsTest {

    @Test
    void shapesContainTheirPoints() {
        Shape r = Shape.rectangle(0, 0, 4, 2);
        assertTrue(r.contains(1.9, 0.9));
        assertFalse(r.contains(2.1, 0));
        Shape disk = Shape.ellipse(1, 1, 1, 1);
        assertTrue(disk.contains(1.7, 1.7));
        assertFalse(disk.contains(1.8, 1.8));
        Shape triangle = Shape.polygon(new double[] {0, 4, 0}, new double[] {0, 0, 4});
        assertTrue(triangle.contains(1, 1));
        assertFalse(triangle.contains(3, 3));
        Shape ring = Shape.difference(Shape.ellipse(0, 0, 2, 2), List.of(Shape.ellipse(0, 0, 1, 1)));
        assertTrue(ring.contains(1.5, 0));
        assertFalse(ring.contains(0.5, 0));
        Shape both = Shape.union(List.of(Shape.rectangle(0, 0, 1, 1), Shape.rectangle(5, 0, 1, 1)));
        assertTrue(both.contains(5.2, 0.3) && both.contains(0.1, 0.1) && !both.contains(2.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Shape.ellipse(0, 0, 0, 1));
    }

    @Test
    void overlapsAreFoundAndTouchingPrismsAreNot() {
        Prisms touching = Prisms.of(new double[] {0, 1, 0.5}, new double[] {0, 0, 1}, new double[] {0, 0, 0},
                new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {1, 1, 1});
        assertNull(Overlaps.first(touching));
        Prisms overlapping = Prisms.of(new double[] {0, 5, 5.5}, new double[] {0, 0, 0.2}, new double[] {0, 0, 0},
                new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {1, 1, 1});
        assertArrayEquals(new int[] {1, 2}, Overlaps.first(overlapping));
    }

    @Test
    void granularFilmIsReproducibleGappedAndHasTheRequestedSizes() {
        GranularFilm film = new GranularFilm(400e-9, 300e-9, 5e-9, 10e-9, 0.2, 2e-9, 300, 7);
        Prisms a = film.generate(), b = film.generate();
        assertEquals(a, b, "same seed, same film");
        assertEquals(300, a.size());
        assertNull(Overlaps.first(a));
        double mean = 0;
        for (int i = 0; i < a.size(); i++) {
            mean += a.sx(i) / a.size();
            assertTrue(a.cx(i) - a.sx(i) / 2 >= 0 && a.cx(i) + a.sx(i) / 2 <= 400e-9, "inside the film");
            assertEquals(2.5e-9, a.cz(i), 1e-20);
            for (int j = i + 1; j < a.size(); j++) {
                double gx = Math.abs(a.cx(i) - a.cx(j)) - 0.5 * (a.sx(i) + a.sx(j));
                double gy = Math.abs(a.cy(i) - a.cy(j)) - 0.5 * (a.sy(i) + a.sy(j));
                assertTrue(Math.max(gx, gy) >= 2e-9 * (1 - 1e-9), "grains " + i + ", " + j + " closer than the gap");
            }
        }
        assertEquals(10e-9, mean, 0.5e-9, "mean grain side");
        assertFalse(a.equals(new GranularFilm(400e-9, 300e-9, 5e-9, 10e-9, 0.2, 2e-9, 300, 8).generate()));
    }

    @Test
    void overfullGranularFilmIsRefusedAtOnceWithItsCoverage() {
        GranularFilm film = new GranularFilm(50e-9, 50e-9, 5e-9, 10e-9, 0, 2e-9, 100, 1);
        assertEquals(100 * 144e-18 / 2500e-18, film.coverage(), 1e-12, "(side + gap)^2 per grain over the area");
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, film::generate);
        assertTrue((System.nanoTime() - t0) < 1_000_000_000L, "refused before placing anything");
        assertTrue(e.getMessage().contains("would cover 576 %") && e.getMessage().contains("jams"), e.getMessage());
    }

    @Test
    void aFilmBelowTheCoverageLimitIsPlacedButOneThatCannotHoldItsGrainsSaysHowManyFit() {
        // 12 grains of 10 nm in 64 x 64 nm: 29 % covered, placed
        assertEquals(12, new GranularFilm(64e-9, 64e-9, 5e-9, 10e-9, 0, 0, 12, 3).generate().size());
        // grains as large as the film: a second one cannot fit though the coverage check passes (2 x 25 %)
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GranularFilm(20e-9, 20e-9, 5e-9, 10e-9, 0, 0, 2, 1).generate());
        assertTrue(e.getMessage().startsWith("only ") && e.getMessage().contains("of 2 grains fit"), e.getMessage());
    }

    @Test
    void squareIceIslandsAreSplitExactlyIntoCells() {
        IslandArray ice = new IslandArray(IslandArray.Lattice.SQUARE, 3, 2, 400e-9, 280e-9, 80e-9, 20e-9, 7, 2);
        IslandArray.Cells c = ice.generate();
        assertEquals(3 * 2 * 2 * 7 * 2, c.prisms().size());
        double volume = 0;
        int horizontal = 0;
        for (int k = 0; k < c.prisms().size(); k++) {
            volume += c.prisms().volume(k);
            horizontal += c.region()[k] == 0 ? 1 : 0;
        }
        assertEquals(12 * 280e-9 * 80e-9 * 20e-9, volume, 1e-12 * volume);
        assertEquals(c.prisms().size() / 2, horizontal);
        assertNull(Overlaps.first(c.prisms()));
        // a vertical island: its cells are 80/2 nm wide along x
        int k = 7 * 2;
        assertEquals(1, c.region()[k]);
        assertEquals(40e-9, c.prisms().sx(k), 1e-20);
        assertEquals(40e-9, c.prisms().sy(k), 1e-20);
    }

    @Test
    void kagomeIceHasThreeOrientationsAndConnectedStaircaseIslands() {
        IslandArray ice = new IslandArray(IslandArray.Lattice.KAGOME, 2, 2, 500e-9, 300e-9, 90e-9, 20e-9, 10, 3);
        IslandArray.Cells c = ice.generate();
        int[] perRegion = new int[3];
        int islands = 0;
        for (int k = 0; k < c.prisms().size(); k++) {
            perRegion[c.region()[k]]++;
            islands = Math.max(islands, c.island()[k] + 1);
        }
        assertEquals(2 * 2 * 6, islands);
        assertTrue(perRegion[0] > 0 && perRegion[1] > 0 && perRegion[2] > 0);
        assertEquals(perRegion[1], perRegion[2], "60 and 120 degree islands are mirror images");
        assertNull(Overlaps.first(c.prisms()));
        IslandArray macro = new IslandArray(IslandArray.Lattice.KAGOME, 2, 1, 500e-9, 300e-9, 90e-9, 20e-9, 1, 1);
        assertEquals(12, macro.generate().prisms().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IslandArray(
                IslandArray.Lattice.KAGOME, 1, 1, 500e-9, 300e-9, 30e-9, 20e-9, 10, 1).generate());
        assertTrue(e.getMessage().contains("falls apart"), e.getMessage());
    }

    @Test
    void placingALargeFilmReportsProgressAndHonoursAStopRequest() {
        GranularFilm film = new GranularFilm(8e-6, 8e-6, 5e-9, 10e-9, 0.1, 1e-9, 150_000, 4);
        java.util.List<Integer> reports = new java.util.ArrayList<>();
        assertEquals(150_000, film.generate((placed, total) -> reports.add(placed)).size());
        assertEquals(java.util.List.of(100_000), reports, "a report every 100000 grains");
        org.hypermag.solver.parallel.Cancellation.request();
        try {
            assertThrows(org.hypermag.solver.parallel.Cancellation.CancelledException.class, film::generate);
        } finally {
            org.hypermag.solver.parallel.Cancellation.clear();
        }
    }
}
