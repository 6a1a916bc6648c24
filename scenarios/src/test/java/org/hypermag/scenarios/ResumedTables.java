package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.hypermag.output.RunTable;

/**
 * What a resumed run's table.csv must be: the uninterrupted run's, bit for bit in every column but
 * {@code evaluations}, which counts the one evaluation of dm/dt a resume makes at its checkpoint (the first stage of
 * the step after it, which the uninterrupted run had from the step before): one more on every row after the resume
 * up to the end of that run stage, and nowhere else.
 */
public final class ResumedTables {
    private ResumedTables() {
    }

    /**
     * @param full the uninterrupted run's table lines
     * @param resumed the resumed run's table lines
     * @param kept the lines the interrupted run had written (header included)
     */
    public static void assertResumed(List<String> full, List<String> resumed, int kept) {
        assertEquals(full.size(), resumed.size(), "rows");
        assertEquals(full.get(0), resumed.get(0), "header");
        int evaluations = RunTable.COLUMNS.indexOf("evaluations"), stage = RunTable.STAGE;
        int first = -1, last = -1;
        for (int r = 1; r < full.size(); r++) {
            String[] a = full.get(r).split(","), b = resumed.get(r).split(",");
            for (int k = 0; k < a.length; k++) {
                if (k != evaluations) {
                    assertEquals(a[k], b[k], "row " + r + ", column " + RunTable.COLUMNS.get(k));
                }
            }
            long extra = Long.parseLong(b[evaluations]) - Long.parseLong(a[evaluations]);
            assertTrue(extra == 0 || extra == 1, "row " + r + ": " + extra + " more evaluations");
            if (extra == 1) {
                assertTrue(last < 0 || last == r - 1, "the rows with the resume's evaluation are consecutive: "
                        + Arrays.toString(new int[] {first, last, r}));
                assertTrue(r >= kept, "row " + r + " was written before the interruption");
                if (first < 0) {
                    first = r;
                } else {
                    assertEquals(full.get(first).split(",")[stage], a[stage], "within the resumed stage");
                }
                last = r;
            }
        }
    }
}
