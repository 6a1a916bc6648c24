package org.hypermag.scenarios.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file has problems: all of them, in file order, one per line in the message. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** @param problems the problems (at least one) */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems */
    public List<Problem> problems() {
        return problems;
    }
}
