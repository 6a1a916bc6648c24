package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.surrogate.paper2d.Linear2d;
import org.hypermag.surrogate.paper2d.Protocol2d;

/**
 * {@code train --protocol paper-2d} and {@code accuracy --protocol paper-2d FILE}: the paper's own 2-D protocol
 * (docs/paper-models.md, "The paper's own protocol").
 */
final class Paper2dCommands {
    private Paper2dCommands() {
    }

    /** Refuses a protocol other than paper-2d, and models it cannot train yet. */
    static void require(String protocol, String model) {
        if (!Protocol2d.NAME.equals(protocol)) {
            throw new Main.UsageException("--protocol must be " + Protocol2d.NAME + ", got '" + protocol + "'");
        }
        if (model != null && !Protocol2d.MODELS.contains(model)) {
            throw new Main.UsageException("--protocol " + Protocol2d.NAME + " trains " + Protocol2d.MODELS + " so far; '"
                    + model + "' on this protocol is not built yet (issue 20)");
        }
    }

    /**
     * Trains, prints the report beside Table 2 and writes the model file.
     *
     * @return the exit status
     */
    static int train(String protocol, String model, Integer epochs, Double rate, Double fraction, Long seed, Path out,
                     PrintWriter o, PrintWriter err) {
        require(protocol, model);
        int e = epochs == null ? 0 : epochs;
        double r = rate == null ? 1e-2 : rate, f = fraction == null ? 1 : fraction;
        if (e < 0 || !(r > 0) || !(f > 0 && f <= 1)) {
            throw new Main.UsageException("--epochs must be >= 0 (0: exact least squares), --rate > 0 and --fraction "
                    + "in (0, 1]; got " + e + ", " + r + ", " + f);
        }
        Map.Entry<Linear2d, Protocol2d.Report> trained = Protocol2d.linear(e, r, f, seed == null ? 0 : seed, line -> {
            err.println("  " + line);
            err.flush();
        });
        o.print(trained.getValue().markdown());
        Protocol2d.toFile(trained.getKey(), trained.getValue()).write(out);
        o.println("wrote " + out.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }

    /**
     * Evaluates a model file of the protocol and prints the report.
     *
     * @return the exit status
     */
    static int accuracy(ModelFile f, Path path, Long seed, PrintWriter o) {
        Map.Entry<Linear2d, Map<String, String>> m;
        try {
            m = Protocol2d.fromFile(f, path);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        double fraction = f.numbers().containsKey("fraction") ? f.numbers().get("fraction")[0] : 1;
        o.print(Protocol2d.evaluate(m.getKey(), m.getValue().getOrDefault("method", "?"), fraction,
                seed == null ? 0 : seed, 0).markdown());
        o.flush();
        return 0;
    }
}
