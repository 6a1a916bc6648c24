package org.hypermag.cli;

import java.util.Locale;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperProtocol;
import org.hypermag.surrogate.paper.Sampling;

/** The paper-protocol report of a paper model, beside the paper's Table 2. */
final class PaperReport {
    /** The default seed of the held-out test sets. */
    static final long DEFAULT_SEED = 1001;

    private PaperReport() {
    }

    /**
     * @param thickness the --thickness option (domain units), or null
     * @return the paper's sampling, or its fixed-thickness variant
     * @throws Main.UsageException for a thickness that is not finite and positive
     */
    static Sampling sampling(Double thickness) {
        if (thickness == null) {
            return Sampling.PAPER;
        }
        try {
            return Sampling.fixedThickness(thickness);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--thickness: " + e.getMessage());
        }
    }

    /** The paper's Table 2 (single-source, multi-source Δ in %), for the models it reports. */
    static String paper(String model) {
        return switch (model) {
            case "fourier" -> "4.74 | 5.73";
            case "fc-ilr" -> "4.38 | 4.76";
            case "linear" -> "70.0 | 71.2";
            default -> "- | -";
        };
    }

    /**
     * @param m the model
     * @param r its measured report
     * @return a Markdown table: Eq. 10 errors measured here beside the paper's Table 2
     */
    static String table(PaperModel m, PaperProtocol.Report r) {
        return String.format(Locale.ROOT, "Out-of-sample error, Eq. 10 (median over points of the relative error, %%), "
                + "held-out seed %d, %d single-source and %d multi-source (2-20 sources) points, %s protocol (%s):%n%n"
                + "| model | single Δφ | single ΔH | multi Δφ | multi ΔH | paper Table 2 (single / multi) |%n"
                + "|---|---|---|---|---|---|%n| %s | %.2f | %.2f | %.2f | %.2f | %s |%n", r.seed(), r.points()[0],
                r.points()[1], r.sampling().label(), r.sampling().describe(), m.name(), 100 * r.singlePhi(),
                100 * r.singleH(), 100 * r.multiPhi(), 100 * r.multiH(), paper(m.name()).replace(" | ", " / "));
    }
}
