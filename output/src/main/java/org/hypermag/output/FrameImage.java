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
import org.hypermag.solver.VectorField;

/**
 * Colour images of a frame for domains on a lattice in the x-y plane (a grid, possibly shaped; one square per
 * column of cells):
 *
 * <ul>
 *   <li>{@link #mz}: m_z of the last frame of a single layer ({@code mz.png}): blue −1, white 0, red +1;</li>
 *   <li>{@link #snapshot}: m as mumax3's snapshots show it ({@code snapshot-stageK.png}): the in-plane angle as hue
 *   (red along +x, then yellow, green along +y, cyan, blue, magenta), m_z as lightness (white +1, full colour 0,
 *   black −1); several layers are averaged through the thickness.</li>
 * </ul>
 * Other geometries have no such image.
 */
public final class FrameImage {
    private static final int PIXELS = 8;
    private static final int MARGIN = 40;
    private static final int LEGEND = 90;

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
        ColumnLattice lat = lattice(reader);
        if (lat == null || !lat.singleLayer()) {
            return false;
        }
        int k = reader.frameCount() - 1;
        double[] mz = lat.columnMeans(reader.magnetisation(k).z);
        Color[] c = new Color[mz.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Double.isNaN(mz[i]) ? null : blueWhiteRed(mz[i]);
        }
        paint(lat, c, title, footer(reader, lat, k), out, (g, x, y, h) -> {
            for (int p = 0; p < h; p++) {
                g.setColor(blueWhiteRed(1 - 2.0 * p / (h - 1)));
                g.fillRect(x, y + p, 16, 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(x, y, 16, h);
            g.drawString("+1", x + 20, y + 10);
            g.drawString(" 0", x + 20, y + h / 2 + 4);
            g.drawString("-1", x + 20, y + h);
            g.drawString("mz", x, y - 8);
        });
        return true;
    }

    /**
     * @param reader the run
     * @param k the frame (negative from the end)
     * @param title the image's title
     * @param out the PNG to write
     * @return whether an image was written (false: the domains are not on a lattice in x-y)
     */
    public static boolean snapshot(RunReader reader, int k, String title, Path out) {
        ColumnLattice lat = lattice(reader);
        if (lat == null) {
            return false;
        }
        int frame = k < 0 ? k + reader.frameCount() : k;
        VectorField m = reader.magnetisation(frame);
        double[] mx = lat.columnMeans(m.x), my = lat.columnMeans(m.y), mz = lat.columnMeans(m.z);
        Color[] c = new Color[mx.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Double.isNaN(mx[i]) ? null : wheel(mx[i], my[i], mz[i]);
        }
        paint(lat, c, title, footer(reader, lat, frame), out, (g, x, y, h) -> {
            int r = 30, cx = x + r, cy = y + r;
            for (int px = -r; px <= r; px++) {
                for (int py = -r; py <= r; py++) {
                    double rho = Math.hypot(px, py) / r;
                    if (rho <= 1) {
                        // the disc: in-plane direction as hue, |m_in-plane| = rho, upper hemisphere (mz >= 0)
                        double ux = px / (double) r, uy = -py / (double) r;
                        g.setColor(wheel(ux, uy, Math.sqrt(Math.max(0, 1 - rho * rho))));
                        g.fillRect(cx + px, cy + py, 1, 1);
                    }
                }
            }
            g.setColor(Color.BLACK);
            g.drawString("+x", cx + r + 2, cy + 4);
            g.drawString("+y", cx - 6, cy - r - 4);
            g.drawString("mz: white +1", x - 10, cy + r + 18);
            g.drawString("black -1", x - 10, cy + r + 32);
        });
        return true;
    }

    /** A square per column; columns without a domain stay grey. */
    private static void paint(ColumnLattice lat, Color[] column, String title, String footer, Path out,
            Legend legend) {
        int nx = lat.nx(), ny = lat.ny();
        int w = Math.max(nx * PIXELS + 2 * MARGIN + LEGEND, 560), h = Math.max(ny * PIXELS, 110) + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(230, 230, 230));
        g.fillRect(MARGIN, MARGIN, nx * PIXELS, ny * PIXELS);
        for (int c = 0; c < column.length; c++) {
            if (column[c] != null) {
                g.setColor(column[c]);
                g.fillRect(MARGIN + (c % nx) * PIXELS, MARGIN + (ny - 1 - c / nx) * PIXELS, PIXELS, PIXELS);
            }
        }
        g.setStroke(new BasicStroke(1));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        legend.draw(g, MARGIN + nx * PIXELS + 20, MARGIN, Math.max(ny * PIXELS, 60));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, 24);
        g.drawString(footer, MARGIN, h - 12);
        g.dispose();
        try {
            javax.imageio.ImageIO.write(img, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private interface Legend {
        void draw(Graphics2D g, int x, int y, int height);
    }

    private static ColumnLattice lattice(RunReader reader) {
        ColumnLattice lat = ColumnLattice.of(reader.centres(), 4_000_000);
        return lat == null || lat.nx() * PIXELS > 8000 || lat.ny() * PIXELS > 8000 ? null : lat;
    }

    private static String footer(RunReader reader, ColumnLattice lat, int k) {
        return String.format(Locale.ROOT, "%d x %d columns of %.3g x %.3g nm, frame %d (stage %d), t = %.4g s",
                lat.nx(), lat.ny(), lat.dx() * 1e9, lat.dy() * 1e9, k, reader.stage(k), reader.time(k));
    }

    /** Blue (−1), white (0), red (+1). */
    private static Color blueWhiteRed(double mz) {
        double t = Math.max(-1, Math.min(1, mz));
        int a = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, a, a) : new Color(a, a, 255);
    }

    /** Hue from the in-plane angle, lightness (m_z + 1)/2, full saturation (HSL, as mumax3's colour scheme). */
    static Color wheel(double mx, double my, double mz) {
        double hue = (Math.atan2(my, mx) / (2 * Math.PI) + 1) % 1.0;
        double l = Math.max(0, Math.min(1, (mz + 1) / 2));
        double chroma = (1 - Math.abs(2 * l - 1));
        double hp = hue * 6, x = chroma * (1 - Math.abs(hp % 2 - 1));
        double[] rgb = hp < 1 ? new double[] {chroma, x, 0} : hp < 2 ? new double[] {x, chroma, 0}
                : hp < 3 ? new double[] {0, chroma, x} : hp < 4 ? new double[] {0, x, chroma}
                : hp < 5 ? new double[] {x, 0, chroma} : new double[] {chroma, 0, x};
        double m = l - chroma / 2;
        return new Color(channel(rgb[0] + m), channel(rgb[1] + m), channel(rgb[2] + m));
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
