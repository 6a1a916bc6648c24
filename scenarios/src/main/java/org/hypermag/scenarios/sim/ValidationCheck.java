package org.hypermag.scenarios.sim;

/**
 * One comparison of {@code hypermag validate}: a quantity of the exact path and of the surrogate path, their
 * difference and its tolerance.
 *
 * @param stage stage index, or −1 for a check over all frames
 * @param label where: "all frames", or "stage 2 (run)"
 * @param name what, with its unit ("first zero of <mx> (s)")
 * @param exact the exact path's value (NaN: none, e.g. no zero crossing)
 * @param surrogate the surrogate path's value (NaN: none)
 * @param difference the compared difference (|surrogate − exact|, or relative where the name says so)
 * @param tolerance the tolerance; infinite: reported only
 * @param verdict pass, fail, or reported only
 * @param note why a check failed or is not applied ("" when nothing to say)
 */
public record ValidationCheck(int stage, String label, String name, double exact, double surrogate,
                              double difference, double tolerance, Verdict verdict, String note) {

    /** The outcome of one check. */
    public enum Verdict {
        /** Within the tolerance. */
        PASS,
        /** Outside the tolerance, or the paths disagree qualitatively. */
        FAIL,
        /** Reported only: no tolerance applies. */
        INFO
    }

    /**
     * A check that passes when {@code difference <= tolerance}; reported only for an infinite tolerance.
     *
     * @param stage stage index or −1
     * @param label where
     * @param name what
     * @param exact exact value
     * @param surrogate surrogate value
     * @param difference compared difference
     * @param tolerance tolerance
     * @return the check
     */
    static ValidationCheck of(int stage, String label, String name, double exact, double surrogate,
                              double difference, double tolerance) {
        Verdict v = Double.isInfinite(tolerance) ? Verdict.INFO : difference <= tolerance ? Verdict.PASS
                : Verdict.FAIL;
        return new ValidationCheck(stage, label, name, exact, surrogate, difference, tolerance, v, "");
    }

    /** @return whether this check failed */
    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
