package org.hypermag.output.ovf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes one OVF segment in OVF 2.0 (the default; what mumax3 writes) or OVF 1.0, as text, binary 4 or binary 8
 * (the NIST OOMMF user guide's "OVF file format"): binary data least significant byte first in OVF 2.0, most
 * significant first in OVF 1.0, each block led by its check value. Lengths in metres ({@code meshunit: m}). The file
 * appears complete or not at all (written beside it, then moved).
 */
public final class OvfWriter {
    /** The data representation. */
    public enum Format {
        /** Decimal text, 17 significant digits (round trips exactly). */
        TEXT("Text"),
        /** IEEE 754 single precision. */
        BINARY4("Binary 4"),
        /** IEEE 754 double precision. */
        BINARY8("Binary 8");

        private final String header;

        Format(String header) {
            this.header = header;
        }

        /**
         * @param s {@code text}, {@code b4}/{@code binary4} or {@code b8}/{@code binary8}
         * @return the format, or null for anything else
         */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "text" -> TEXT;
                case "b4", "binary4" -> BINARY4;
                case "b8", "binary8" -> BINARY8;
                default -> null;
            };
        }
    }

    private OvfWriter() {
    }

    /**
     * @param file the file to write (replaced if it exists)
     * @param d the segment; a one-component OVF 1.0 file is refused (OVF 1.0 holds 3-vectors only)
     * @param format the data representation
     * @param version 1 or 2
     */
    public static void write(Path file, OvfData d, Format format, int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("OVF version " + version + "; 1 or 2 are written");
        }
        if (version == 1 && d.valueDim() != 3) {
            throw new IllegalArgumentException("OVF 1.0 holds three components per node; this field has "
                    + d.valueDim() + " (write OVF 2.0)");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            StringBuilder h = new StringBuilder();
            boolean v2 = version == 2;
            h.append(v2 ? "# OOMMF OVF 2.0\n" : d.irregular() ? "# OOMMF: irregular mesh v1.0\n"
                    : "# OOMMF: rectangular mesh v1.0\n");
            h.append("# Segment count: 1\n# Begin: Segment\n# Begin: Header\n");
            h.append("# Title: ").append(oneLine(d.title())).append('\n');
            h.append("# Desc: written by hypermag\n");
            for (String line : d.desc()) {
                h.append("# Desc: ").append(oneLine(line)).append('\n');
            }
            if (v2) {
                h.append("# meshtype: ").append(d.irregular() ? "irregular" : "rectangular").append('\n');
            }
            h.append("# meshunit: m\n");
            String[] axes = {"x", "y", "z"};
            for (int a = 0; a < 3; a++) {
                h.append("# ").append(axes[a]).append("min: ").append(num(d.min()[a])).append('\n');
            }
            for (int a = 0; a < 3; a++) {
                h.append("# ").append(axes[a]).append("max: ").append(num(d.max()[a])).append('\n');
            }
            if (v2) {
                h.append("# valuedim: ").append(d.valueDim()).append('\n');
                h.append("# valuelabels:");
                for (String l : d.labels()) {
                    h.append(' ').append(word(l));
                }
                h.append("\n# valueunits:");
                for (String u : d.units()) {
                    h.append(' ').append(word(u));
                }
                h.append('\n');
            } else {
                h.append("# valueunit: ").append(word(d.units().get(0))).append('\n');
                h.append("# valuemultiplier: 1\n");
                h.append("# boundary: ").append(num(d.min()[0])).append(' ').append(num(d.min()[1])).append(' ')
                        .append(num(d.min()[2])).append(' ').append(num(d.max()[0])).append(' ')
                        .append(num(d.max()[1])).append(' ').append(num(d.max()[2])).append('\n');
                double[] range = magnitudeRange(d);
                h.append("# ValueRangeMinMag: ").append(num(range[0])).append('\n');
                h.append("# ValueRangeMaxMag: ").append(num(range[1])).append('\n');
            }
            if (d.irregular()) {
                h.append("# pointcount: ").append(d.count()).append('\n');
                for (int a = 0; a < 3; a++) {
                    h.append("# ").append(axes[a]).append("stepsize: ").append(num(d.step()[a])).append('\n');
                }
            } else {
                for (int a = 0; a < 3; a++) {
                    h.append("# ").append(axes[a]).append("base: ").append(num(d.base()[a])).append('\n');
                }
                for (int a = 0; a < 3; a++) {
                    h.append("# ").append(axes[a]).append("nodes: ").append(d.nodes()[a]).append('\n');
                }
                for (int a = 0; a < 3; a++) {
                    h.append("# ").append(axes[a]).append("stepsize: ").append(num(d.step()[a])).append('\n');
                }
            }
            h.append("# End: Header\n# Begin: Data ").append(format.header).append('\n');
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            data(out, d, format, v2);
            out.write(("# End: Data " + format.header + "\n# End: Segment\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void data(OutputStream out, OvfData d, Format format, boolean v2) throws IOException {
        int n = d.count(), dim = d.valueDim();
        double[] v = d.values(), p = d.positions();
        if (format == Format.TEXT) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (p != null) {
                    s.append(num(p[3 * i])).append(' ').append(num(p[3 * i + 1])).append(' ')
                            .append(num(p[3 * i + 2]));
                }
                for (int c = 0; c < dim; c++) {
                    if (p != null || c > 0) {
                        s.append(' ');
                    }
                    s.append(num(v[i * dim + c]));
                }
                s.append('\n');
                if (s.length() > 1 << 16) {
                    out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
                    s.setLength(0);
                }
            }
            out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        int width = format == Format.BINARY4 ? 4 : 8;
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(v2 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        put(b, width, width == 4 ? 1234567.0 : 123456789012345.0);
        for (int i = 0; i < n; i++) {
            if (b.remaining() < width * (dim + 3)) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            if (p != null) {
                for (int a = 0; a < 3; a++) {
                    put(b, width, p[3 * i + a]);
                }
            }
            for (int c = 0; c < dim; c++) {
                put(b, width, v[i * dim + c]);
            }
        }
        out.write(b.array(), 0, b.position());
        out.write('\n');
    }

    private static void put(ByteBuffer b, int width, double x) {
        if (width == 4) {
            b.putFloat((float) x);
        } else {
            b.putDouble(x);
        }
    }

    private static double[] magnitudeRange(OvfData d) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        double[] v = d.values();
        for (int i = 0; i < d.count(); i++) {
            double m = Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        return new double[] {Double.isFinite(lo) ? lo : 0, hi};
    }

    private static String num(double x) {
        return Double.toString(x).replace('E', 'e');
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\r\\n#]+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static String word(String s) {
        String t = oneLine(s);
        return t.isEmpty() || t.matches(".*[\\s{}].*") ? "{" + t.replaceAll("[{}]", "") + "}" : t;
    }
}
