package org.hypermag.surrogate.paper2d;

import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.surrogate.nn.Adam;

/** Full-batch Adam as the authors' code trains: one step per epoch on the whole training set's loss. */
final class FullBatch {
    private FullBatch() {
    }

    /**
     * @param start the initial parameters (not modified)
     * @param schedule the epochs and the learning rate of each
     * @param loss the loss
     * @param name the model's name, for progress lines
     * @param progress a line every tenth of the epochs (loss, time, time left)
     * @return the trained parameters
     * @throws IllegalStateException when the loss becomes non-finite (naming the epoch)
     */
    static double[] adam(double[] start, Schedule schedule, Loss loss, String name, Consumer<String> progress) {
        int epochs = schedule.epochs();
        double[] p = start.clone(), g = new double[p.length];
        Adam adam = new Adam(p.length);
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            double l = loss.value(p, g);
            if (!Double.isFinite(l)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s: the loss became %s at epoch %d of %d "
                        + "(learning rate %.3g): lower --rate", name, l, e + 1, epochs, schedule.rate(e)));
            }
            adam.step(p, g, schedule.rate(e));
            if ((e + 1) % Math.max(1, epochs / 10) == 0 || e == epochs - 1) {
                double s = (System.nanoTime() - t0) * 1e-9;
                progress.accept(String.format(Locale.ROOT, "%s: epoch %d of %d, loss %.6g, %.0f s, about %.0f s left",
                        name, e + 1, epochs, l, s, s / (e + 1) * (epochs - e - 1)));
            }
        }
        return p;
    }
}
