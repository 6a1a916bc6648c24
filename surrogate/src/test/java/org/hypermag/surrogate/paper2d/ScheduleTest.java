package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void cosineDecayRunsFromTheRateToTheFinalRateMonotonically() {
        Schedule s = new Schedule(101, 1e-3, 1e-5);
        assertEquals(1e-3, s.rate(0), 1e-18);
        assertEquals(1e-5, s.rate(100), 1e-18);
        // half way the cosine is zero: the mean of the two rates
        assertEquals(0.5 * (1e-3 + 1e-5), s.rate(50), 1e-15);
        for (int e = 1; e < 101; e++) {
            assertTrue(s.rate(e) < s.rate(e - 1), "epoch " + e);
        }
        assertEquals("101 epochs, rate 0.00100 cosine to 1.00e-05", s.toString());
    }

    @Test
    void aConstantScheduleIsTheAuthorsCodes() {
        Schedule s = Schedule.constant(25_000, 1e-4);
        for (int e : new int[] {0, 1, 12_345, 24_999}) {
            assertEquals(1e-4, s.rate(e), 0);
        }
        assertEquals("25000 epochs at 0.000100", s.toString());
    }

    @Test
    void refusesAFinalRateAboveTheRateAndNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(10, 1e-4, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(-1, 1e-3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(10, Double.NaN, 1e-3));
    }

    @Test
    void trainingStopsWithTheEpochWhenTheLossBecomesNonFinite() {
        int[] calls = {0};
        Loss loss = (p, g) -> {
            java.util.Arrays.fill(g, 1);
            return ++calls[0] == 3 ? Double.NaN : 1;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AdamTraining.adam(new double[2],
                Schedule.constant(10, 1e-3), loss, "test", line -> { }));
        assertTrue(e.getMessage().contains("NaN at epoch 3 of 10"), e.getMessage());
        assertEquals(3, calls[0]);
    }

    @Test
    void aBatchOfAtLeastTheTrainingSetIsDescribedAsTheFullBatchItTrains() {
        Schedule mini = new Schedule(5, 1e-3, 1e-5, 1_000);
        Schedule onSmallSet = mini.on(1_000);
        assertEquals(1, mini.stepsPerEpoch(1_000));
        assertEquals("full-batch Adam", onSmallSet.adam());
        assertEquals(new Schedule(5, 1e-3, 1e-5), onSmallSet);
        assertFalse(onSmallSet.toString().contains("mini-batches"), onSmallSet.toString());
        assertSame(mini, mini.on(1_001), "a set larger than the batch trains on mini-batches");
        assertEquals("mini-batch Adam", mini.on(1_001).adam());
        Schedule full = Schedule.constant(5, 1e-3);
        assertSame(full, full.on(1));
    }

    @Test
    void aFullBatchScheduleTakesOneStepPerEpochAndMiniBatchesTheCeilingOfSamplesOverBatch() {
        assertEquals(1, new Schedule(5, 1e-3, 1e-3).stepsPerEpoch(10_000));
        assertEquals(10, new Schedule(5, 1e-3, 1e-3, 1_000).stepsPerEpoch(10_000));
        assertEquals(4, new Schedule(5, 1e-3, 1e-3, 3).stepsPerEpoch(10));
        assertEquals(1, new Schedule(5, 1e-3, 1e-3, 10).stepsPerEpoch(10), "a batch of the whole set is full batch");
        assertThrows(IllegalArgumentException.class, () -> new Schedule(5, 1e-3, 1e-3, -1));
        assertEquals("full-batch Adam", Schedule.constant(5, 1e-3).adam());
        Schedule mini = new Schedule(5, 1e-3, 1e-5, 1_000);
        assertEquals("mini-batch Adam", mini.adam());
        assertTrue(mini.toString().contains("mini-batches of 1000 samples"), mini.toString());
        // the rate follows the cosine over all the steps: per epoch for full batch, per step for mini-batches
        Schedule full = new Schedule(101, 1e-3, 1e-5);
        for (int e = 0; e < 101; e++) {
            assertEquals(full.rate(e), full.rate(e, 101), 0);
        }
        assertEquals(1e-3, mini.rate(0, 50), 1e-18);
        assertEquals(1e-5, mini.rate(49, 50), 1e-18);
        assertEquals(0.5 * (1e-3 + 1e-5), mini.rate(50, 101), 1e-15);
    }

    @Test
    void miniBatchesHoldEverySampleOnceAndEachEpochVisitsEveryBatchOnceInAShuffledOrder() {
        Discs.DataSet d = Discs.generate(10, 1, 3, 7);
        java.util.List<Discs.DataSet> batches = new java.util.ArrayList<>();
        java.util.List<Integer> visits = new java.util.ArrayList<>();
        AdamTraining.adam(new double[2], new Schedule(6, 1e-3, 1e-3, 3), d, b -> {
            int index = batches.size();
            batches.add(b);
            return (p, g) -> {
                visits.add(index);
                java.util.Arrays.fill(g, 1);
                return 1;
            };
        }, "test", line -> { });
        assertEquals(4, batches.size());
        double[] src = new double[0], phi = new double[0];
        for (Discs.DataSet b : batches) {
            assertTrue(b.samples() == 2 || b.samples() == 3, "batch of " + b.samples());
            assertTrue(b.x() == d.x() && b.y() == d.y(), "the points are shared");
            src = concat(src, b.src());
            phi = concat(phi, b.phi());
        }
        assertArrayEquals(d.src(), src, 0);
        assertArrayEquals(d.phi(), phi, 0);
        assertEquals(24, visits.size());
        java.util.Set<java.util.List<Integer>> orders = new java.util.HashSet<>();
        for (int e = 0; e < 6; e++) {
            java.util.List<Integer> order = visits.subList(4 * e, 4 * e + 4);
            assertEquals(java.util.Set.of(0, 1, 2, 3), new java.util.HashSet<>(order), "epoch " + e);
            orders.add(java.util.List.copyOf(order));
        }
        assertTrue(orders.size() > 1, "the order is shuffled: " + visits);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
