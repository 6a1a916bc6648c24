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
        ColumnLattice lat = ColumnLattice.of(reader.centres(), 4_000_000);
        if (lat == null || !lat.singleLayer() || lat.nx() * PIXELS > 8000 || lat.ny() * PIXELS > 8000) {
            return false;
        }
        int n = reader.domains(), nx = lat.nx(), ny = lat.ny();
        double dx = lat.dx(), dy = lat.dy();
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
            int ix = lat.column(i) % nx, iy = lat.column(i) / nx;
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

    /** Blue (−1), white (0), red (+1). */
    private static Color colour(double mz) {
        double t = Math.max(-1, Math.min(1, mz));
        int a = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, a, a) : new Color(a, a, 255);
    }
}
