package org.hypermag.surrogate.paper2d;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A figure like the paper's Fig. 6: the potential and the field strength of a multi-source validation example (the
 * four-source validation sample), true against a model's prediction, on a 200 × 200 grid over [−3, 3]², sources
 * outlined. φ on a blue–white–red scale symmetric about 0 (the true map's largest |φ|), |H| on a grey scale up to the
 * true map's 99th percentile; both panels of a row share the scale. Headless.
 */
public final class Figure2d {
    private static final int RES = 200, PANEL = 300, MARGIN = 30;

    private Figure2d() {
    }

    /**
     * @param model the model
     * @param example the sources (a data set; its first sample is drawn)
     * @param png the file to write
     */
    public static void draw(Model2d model, Discs.DataSet example, Path png) {
        int n = RES * RES;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < RES; i++) {
            for (int j = 0; j < RES; j++) {
                x[i * RES + j] = -Discs.LIM + 2 * Discs.LIM * (j + 0.5) / RES;
                y[i * RES + j] = Discs.LIM - 2 * Discs.LIM * (i + 0.5) / RES;
            }
        }
        double[] src = Arrays.copyOf(example.src(), 4 * example.sources());
        double[] phi = new double[n], hx = new double[n], hy = new double[n], out = new double[3];
        for (int p = 0; p < n; p++) {
            for (int s = 0; s < example.sources(); s++) {
                Discs.disc(src[4 * s], src[4 * s + 1], src[4 * s + 2], src[4 * s + 3], x[p], y[p], out);
                phi[p] += out[0];
                hx[p] += out[1];
                hy[p] += out[2];
            }
        }
        Discs.DataSet grid = new Discs.DataSet(1, example.sources(), n, src, x, y, phi, hx, hy, example.seed());
        double[] mphi = new double[n], mhx = new double[n], mhy = new double[n];
        model.predict(grid, mphi, mhx, mhy);
        double phiScale = 0;
        double[] h = new double[n], mh = new double[n];
        for (int p = 0; p < n; p++) {
            phiScale = Math.max(phiScale, Math.abs(phi[p]));
            h[p] = Math.hypot(hx[p], hy[p]);
            mh[p] = Math.hypot(mhx[p], mhy[p]);
        }
        double[] sorted = h.clone();
        Arrays.sort(sorted);
        double hScale = sorted[(int) (0.99 * (n - 1))];
        Metrics2d.Errors e = Metrics2d.of(grid, mphi, mhx, mhy);
        BufferedImage img = new BufferedImage(2 * PANEL + 3 * MARGIN, 2 * PANEL + 3 * MARGIN + 20,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        panel(g, img, MARGIN, MARGIN, phi, phiScale, true, src, "true potential");
        panel(g, img, 2 * MARGIN + PANEL, MARGIN, mphi, phiScale, true, src, String.format(Locale.ROOT,
                "%s: potential (%.1f %%)", model.name().toUpperCase(Locale.ROOT), e.codePhi()));
        panel(g, img, MARGIN, 2 * MARGIN + PANEL, h, hScale, false, src, "true |H|");
        panel(g, img, 2 * MARGIN + PANEL, 2 * MARGIN + PANEL, mh, hScale, false, src, String.format(Locale.ROOT,
                "%s: |H| (%.1f %%)", model.name().toUpperCase(Locale.ROOT), e.codeH()));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%d sources (seed %d), [-3, 3]^2; phi scale +-%.3g, |H| up to %.3g; "
                + "errors: code metric over this grid", example.sources(), example.seed(), phiScale, hScale), MARGIN,
                img.getHeight() - 12);
        g.dispose();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(img, "png", png.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + png + ": " + ex.getMessage(), ex);
        }
    }

    private static void panel(Graphics2D g, BufferedImage img, int x0, int y0, double[] v, double scale,
                              boolean diverging, double[] src, String title) {
        for (int py = 0; py < PANEL; py++) {
            for (int px = 0; px < PANEL; px++) {
                double t = v[(py * RES / PANEL) * RES + px * RES / PANEL] / scale;
                img.setRGB(x0 + px, y0 + py, (diverging ? diverging(t) : grey(t)).getRGB());
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, PANEL, PANEL);
        g.drawString(title, x0, y0 - 8);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(0, 0, 0, 160));
        double unit = PANEL / (2 * Discs.LIM);
        for (int s = 0; s < src.length / 4; s++) {
            double cx = x0 + (src[4 * s + 2] + Discs.LIM) * unit, cy = y0 + (Discs.LIM - src[4 * s + 3]) * unit;
            g.drawOval((int) Math.round(cx - unit), (int) Math.round(cy - unit), (int) Math.round(2 * unit),
                    (int) Math.round(2 * unit));
        }
    }

    /** Blue (−1) – white (0) – red (+1), clipped. */
    private static Color diverging(double t) {
        double c = Math.max(-1, Math.min(1, t));
        int a = (int) Math.round(255 * (1 - Math.abs(c)));
        return c >= 0 ? new Color(255, a, a) : new Color(a, a, 255);
    }

    /** White (0) to black (1), clipped. */
    private static Color grey(double t) {
        int a = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, t))));
        return new Color(a, a, a);
    }
}
