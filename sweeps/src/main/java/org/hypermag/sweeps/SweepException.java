package org.hypermag.sweeps;

import java.util.List;
import org.hypermag.scenarios.spec.Problem;

/** A sweep file or one of its variants is wrong: every problem, with the sweep file's line and column. */
final class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    SweepException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in the order found */
    List<Problem> problems() {
        return problems;
    }
}
