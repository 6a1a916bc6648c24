package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FullBatch.adam(new double[2],
                Schedule.constant(10, 1e-3), loss, "test", line -> { }));
        assertTrue(e.getMessage().contains("NaN at epoch 3 of 10"), e.getMessage());
        assertEquals(3, calls[0]);
    }
}
