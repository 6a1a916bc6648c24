package org.hypermag.output;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.Physics;

/**
 * The columns of a run's table ({@code table.csv}, and {@code /table} in run.h5), one row per table interval of a
 * run stage and one at the end of every relax stage and hysteresis point:
 *
 * <ul>
 *   <li>{@code t} (s); {@code mx, my, mz}: the volume-averaged unit magnetisation;</li>
 *   <li>{@code E_total} and one {@code E_<term>} per energy column of {@link Physics#energyColumns()} (J);</li>
 *   <li>{@code max_torque} = max |m × H_eff| (A/m); {@code dt}, the last time step (s; 0 outside run stages);</li>
 *   <li>{@code steps}, {@code rejected}, {@code evaluations}: the run stage's accepted steps, rejected step attempts
 *   and evaluations of dm/dt from its start up to the row (mumax3's NSteps, NUndone and NEvals per stage; a resumed
 *   stage goes on counting; 0 outside run stages);</li>
 *   <li>{@code B_extx, B_exty, B_extz}: the applied field μ0H_app (T), as mumax3 names it;</li>
 *   <li>{@code stage}: the stage index from 0; {@code point}: the field point of a hysteresis stage from 0, −1 in
 *   other stages.</li>
 * </ul>
 */
public final class RunTable {
    /** Index of t. */
    public static final int T = 0;
    /** Index of mx (my, mz follow). */
    public static final int MX = 1;
    /** Index of E_total. */
    public static final int E_TOTAL = 4;
    /** Number of energy columns besides E_total. */
    public static final int ENERGIES = Physics.energyColumns().size();
    /** Index of max_torque. */
    public static final int MAX_TORQUE = 5 + ENERGIES;
    /** Index of dt. */
    public static final int DT = MAX_TORQUE + 1;
    /** Index of steps (rejected, evaluations follow). */
    public static final int STEPS = DT + 1;
    /** Index of B_extx (B_exty, B_extz follow). */
    public static final int B_EXT = STEPS + 3;
    /** Index of stage. */
    public static final int STAGE = B_EXT + 3;
    /** Index of point. */
    public static final int POINT = STAGE + 1;
    /** Number of columns. */
    public static final int WIDTH = POINT + 1;

    /** The column names, in order. */
    public static final List<String> COLUMNS;
    /** The unit of each column. */
    public static final List<String> UNITS;
    /** The header line of table.csv. */
    public static final String HEADER;

    static {
        List<String> c = new ArrayList<>(List.of("t", "mx", "my", "mz", "E_total"));
        List<String> u = new ArrayList<>(List.of("s", "1", "1", "1", "J"));
        for (String e : Physics.energyColumns()) {
            c.add("E_" + e);
            u.add("J");
        }
        c.addAll(List.of("max_torque", "dt", "steps", "rejected", "evaluations", "B_extx", "B_exty", "B_extz",
                "stage", "point"));
        u.addAll(List.of("A/m", "s", "1", "1", "1", "T", "T", "T", "1", "1"));
        COLUMNS = List.copyOf(c);
        UNITS = List.copyOf(u);
        HEADER = String.join(",", COLUMNS);
    }

    private RunTable() {
    }

    /**
     * @param k index into {@link Physics#energyColumns()}
     * @return the table index of that energy column
     */
    public static int energy(int k) {
        return E_TOTAL + 1 + k;
    }

    /**
     * @param column a column name
     * @return whether the column holds integers (written without a decimal point)
     */
    public static boolean isInteger(String column) {
        return column.equals("stage") || column.equals("point") || column.equals("steps")
                || column.equals("rejected") || column.equals("evaluations");
    }
}
