package org.hypermag.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.hypermag.solver.VectorField;

/**
 * A colour image of m_z of a run's last frame ({@code mz.png}) for a single layer of domains on a lattice in the
 * x-y plane (a one-cell-thick grid, possibly shaped): blue −1, white 0, red +1, one square per cell, with a colour
 * bar. Other geometries have no such image.
 */
public final class FrameImage {
    private static final int PIXELS = 8;

    private FrameImage() {
    }

    /**
     * @param reader the run
     * @param title the image's title
     * @param out the PNG to write
     * @return whether an image was written (false: not a single layer on a lattice, or no frame)
     */
    public static boolean mz(RunReader reader, String title, Path out) {
        if (reader.frameCount() == 0) {
            return false;
        }
        double[][] c = reader.centres();
        int n = c.length;
        double z0 = c[0][2];
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            if (Math.abs(c[i][2] - z0) > 1e-12) {
                return false;
            }
            xs[i] = c[i][0];
            ys[i] = c[i][1];
        }
        double dx = spacing(xs), dy = spacing(ys);
        if (!(dx > 0) || !(dy > 0)) {
            return false;
        }
        double x0 = Arrays.stream(xs).min().orElse(0), y0 = Arrays.stream(ys).min().orElse(0);
        int nx = (int) Math.round((Arrays.stream(xs).max().orElse(0) - x0) / dx) + 1;
        int ny = (int) Math.round((Arrays.stream(ys).max().orElse(0) - y0) / dy) + 1;
        if ((long) nx * ny > 4_000_000 || nx * PIXELS > 8000 || ny * PIXELS > 8000) {
            return false;
        }
        VectorField m = reader.magnetisation(reader.frameCount() - 1);
        int margin = 40, bar = 70, w = nx * PIXELS + 2 * margin + bar, h = ny * PIXELS + 2 * margin;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(230, 230, 230));
        g.fillRect(margin, margin, nx * PIXELS, ny * PIXELS);
        for (int i = 0; i < n; i++) {
            int ix = (int) Math.round((xs[i] - x0) / dx), iy = (int) Math.round((ys[i] - y0) / dy);
            g.setColor(colour(m.z[i]));
            g.fillRect(margin + ix * PIXELS, margin + (ny - 1 - iy) * PIXELS, PIXELS, PIXELS);
        }
        int bx = margin + nx * PIXELS + 20, bh = ny * PIXELS;
        for (int k = 0; k < bh; k++) {
            g.setColor(colour(1 - 2.0 * k / (bh - 1)));
            g.fillRect(bx, margin + k, 16, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(bx, margin, 16, bh);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("+1", bx + 20, margin + 10);
        g.drawString(" 0", bx + 20, margin + bh / 2 + 4);
        g.drawString("-1", bx + 20, margin + bh);
        g.drawString("mz", bx, margin - 8);
        g.drawString(title, margin, 24);
        g.drawString(String.format(Locale.ROOT, "%d x %d cells of %.3g x %.3g nm, frame %d, t = %.4g s", nx, ny,
                dx * 1e9, dy * 1e9, reader.frameCount() - 1, reader.time(reader.frameCount() - 1)), margin,
                h - 12);
        g.dispose();
        try {
            ImageIO.write(img, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return true;
    }

    /** @return the smallest positive difference between the sorted values (the lattice spacing), or 0 */
    private static double spacing(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double best = Double.POSITIVE_INFINITY;
        double tol = 1e-9 * (Math.abs(s[s.length - 1]) + Math.abs(s[0]) + 1e-30);
        for (int k = 1; k < s.length; k++) {
            double d = s[k] - s[k - 1];
            if (d > tol && d < best) {
                best = d;
            }
        }
        if (!Double.isFinite(best)) {
            return s.length > 0 ? 1e-9 : 0; // one column: any spacing draws it
        }
        for (int k = 1; k < s.length; k++) {
            double steps = (s[k] - s[0]) / best;
            if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
                return 0; // not on a lattice
            }
        }
        return best;
    }

    /** Blue (−1), white (0), red (+1). */
    private static Color colour(double mz) {
        double t = Math.max(-1, Math.min(1, mz));
        int a = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, a, a) : new Color(a, a, 255);
    }
}
