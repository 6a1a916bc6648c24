package org.hypermag.output.ovf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads OVF files as the NIST OOMMF user guide's "OVF file format" section specifies them: OVF 1.0 (first line
 * {@code # OOMMF: rectangular mesh v1.0} or {@code ... irregular mesh v1.0}; binary data most significant byte
 * first; {@code valuemultiplier} applied) and OVF 2.0 ({@code # OOMMF OVF 2.0}; binary data least significant byte
 * first; any {@code valuedim}); data as {@code Text}, {@code Binary 4} (check value 1234567.0) or {@code Binary 8}
 * (check value 123456789012345.0); rectangular and irregular meshes; {@code meshunit} m, mm, um or nm. Header keys are
 * read case- and space-insensitively, {@code ##} starts a comment. Files with more than one segment are refused (the
 * first segment is not silently taken). Every refusal names the file and the line.
 */
public final class OvfReader {
    /** Files larger than this are refused (bytes). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 64L;

    private final String name;
    private final byte[] bytes;
    private int pos;
    private int line;

    private OvfReader(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /**
     * @param file an OVF file ({@code .ovf}, {@code .omf}, {@code .ohf}, {@code .obf})
     * @return its segment
     * @throws OvfException naming the file (and line) when it cannot be read or is not valid OVF
     */
    public static OvfData read(Path file) {
        byte[] b;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new OvfException(file + ": " + size + " bytes; OVF files up to " + MAX_BYTES
                        + " bytes are read");
            }
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OvfException(file + ": no such file");
        } catch (IOException e) {
            throw new OvfException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return new OvfReader(file.toString(), b).parse();
    }

    private OvfData parse() {
        String first = nextLine();
        if (first == null) {
            throw new OvfException(name + ": empty file; expected an OVF header (# OOMMF OVF 2.0)");
        }
        String sig = squash(first);
        int version;
        boolean irregular1 = false;
        if (sig.equals("#oommfovf2.0")) {
            version = 2;
        } else if (sig.equals("#oommf:rectangularmeshv1.0") || sig.equals("#oommfovf1.0")) {
            version = 1;
        } else if (sig.equals("#oommf:irregularmeshv1.0")) {
            version = 1;
            irregular1 = true;
        } else {
            throw new OvfException(where() + "\"" + clip(first) + "\" is not an OVF signature; expected \"# OOMMF "
                    + "OVF 2.0\" or \"# OOMMF: rectangular mesh v1.0\"");
        }
        Map<String, String> h = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<String> desc = new ArrayList<>();
        boolean inHeader = false, inSegment = false;
        while (true) {
            String raw = nextLine();
            if (raw == null) {
                throw new OvfException(name + ": the file ends before its data (line " + line + "); expected \"# "
                        + "Begin: Data Text|Binary 4|Binary 8\"");
            }
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.startsWith("#")) {
                throw new OvfException(where() + "\"" + clip(text) + "\" outside the data; header lines start "
                        + "with #");
            }
            int comment = text.indexOf("##");
            String body = (comment >= 0 ? text.substring(1, comment) : text.substring(1)).strip();
            if (body.isEmpty()) {
                continue;
            }
            int colon = body.indexOf(':');
            if (colon < 0) {
                throw new OvfException(where() + "\"" + clip(text) + "\" is not a \"# key: value\" header line");
            }
            String key = squash(body.substring(0, colon));
            String value = body.substring(colon + 1).strip();
            String lv = squash(value);
            switch (key) {
                case "segmentcount" -> {
                    if (!lv.equals("1")) {
                        throw new OvfException(where() + "Segment count: " + value + "; files with one segment are "
                                + "read");
                    }
                }
                case "begin" -> {
                    if (lv.equals("segment")) {
                        inSegment = true;
                    } else if (lv.equals("header")) {
                        inHeader = true;
                    } else if (lv.startsWith("data")) {
                        if (!inSegment) {
                            throw new OvfException(where() + "data before \"# Begin: Segment\"");
                        }
                        return data(version, irregular1, h, lines, lv.substring(4), value, desc);
                    } else {
                        throw new OvfException(where() + "Begin: " + value + "; expected Segment, Header or Data");
                    }
                }
                case "end" -> {
                    if (lv.equals("header")) {
                        inHeader = false;
                    }
                }
                default -> {
                    if (!inHeader) {
                        throw new OvfException(where() + "\"" + clip(text) + "\" outside \"# Begin: Header\" ... "
                                + "\"# End: Header\"");
                    }
                    if (key.equals("desc")) {
                        desc.add(value);
                    }
                    h.put(key, value);
                    lines.put(key, line);
                }
            }
        }
    }

    private OvfData data(int version, boolean irregular1, Map<String, String> h, Map<String, Integer> lines,
            String format, String formatText, List<String> desc) {
        int dataLine = line;
        Header hd = new Header(h, lines);
        String meshType = version == 2 || h.containsKey("meshtype") ? squash(hd.need("meshtype"))
                : (irregular1 ? "irregular" : "rectangular");
        boolean irregular = switch (meshType) {
            case "rectangular" -> false;
            case "irregular" -> true;
            default -> throw new OvfException(hd.at("meshtype") + "meshtype: " + h.get("meshtype") + "; expected "
                    + "rectangular or irregular");
        };
        double unit = hd.meshUnit();
        int dim = version == 2 ? hd.positiveInt("valuedim", 1 << 16) : 3;
        double multiplier = version == 1 && h.containsKey("valuemultiplier") ? hd.finite("valuemultiplier") : 1;
        List<String> labels = hd.list(version == 2 ? "valuelabels" : null, dim, "v");
        List<String> units = hd.list(version == 2 ? "valueunits" : "valueunit", dim, "1");
        int[] nodes;
        double[] base = new double[3], step = new double[3];
        String[] axes = {"x", "y", "z"};
        if (irregular) {
            nodes = new int[] {hd.positiveInt("pointcount", Integer.MAX_VALUE), 1, 1};
            for (int a = 0; a < 3; a++) {
                step[a] = h.containsKey(axes[a] + "stepsize") ? hd.finite(axes[a] + "stepsize") * unit : 0;
            }
        } else {
            nodes = new int[3];
            for (int a = 0; a < 3; a++) {
                nodes[a] = hd.positiveInt(axes[a] + "nodes", Integer.MAX_VALUE);
                base[a] = hd.finite(axes[a] + "base") * unit;
                step[a] = hd.finite(axes[a] + "stepsize") * unit;
                if (!(step[a] > 0)) {
                    throw new OvfException(hd.at(axes[a] + "stepsize") + axes[a] + "stepsize: " + h.get(axes[a]
                            + "stepsize") + "; expected a positive length");
                }
            }
        }
        double[] min = new double[3], max = new double[3];
        for (int a = 0; a < 3; a++) {
            min[a] = h.containsKey(axes[a] + "min") ? hd.finite(axes[a] + "min") * unit
                    : base[a] - 0.5 * step[a];
            max[a] = h.containsKey(axes[a] + "max") ? hd.finite(axes[a] + "max") * unit
                    : base[a] + (nodes[a] - 0.5) * step[a];
        }
        long count = (long) nodes[0] * nodes[1] * nodes[2];
        int record = irregular ? dim + 3 : dim;
        long total = count * record;
        if (total > (Integer.MAX_VALUE - 8) / 2) {
            throw new OvfException(name + ":" + dataLine + ": " + count + " nodes of " + record + " values are more "
                    + "than one array holds");
        }
        double[] raw = switch (format.strip()) {
            case "text" -> text((int) total, dataLine);
            case "binary4" -> binary((int) total, 4, version, dataLine);
            case "binary8" -> binary((int) total, 8, version, dataLine);
            default -> throw new OvfException(name + ":" + dataLine + ": Begin: " + formatText + "; expected Data "
                    + "Text, Data Binary 4 or Data Binary 8");
        };
        double[] values = new double[(int) (count * dim)];
        double[] positions = irregular ? new double[(int) (count * 3)] : null;
        for (int i = 0; i < count; i++) {
            int off = i * record;
            if (irregular) {
                for (int a = 0; a < 3; a++) {
                    positions[3 * i + a] = raw[off + a] * unit;
                }
                off += 3;
            }
            for (int c = 0; c < dim; c++) {
                values[i * dim + c] = raw[off + c] * multiplier;
            }
        }
        String title = h.getOrDefault("title", "");
        return new OvfData(title, irregular, nodes, base, step, min, max, labels, units, values, positions,
                List.copyOf(desc));
    }

    private double[] text(int total, int dataLine) {
        double[] v = new double[total];
        int k = 0;
        while (k < total) {
            String raw = nextLine();
            if (raw == null) {
                throw new OvfException(name + ": the file ends inside the text data begun at line " + dataLine
                        + ": " + k + " of " + total + " values read (truncated?)");
            }
            int hash = raw.indexOf('#');
            if (hash >= 0) {
                if (raw.strip().startsWith("#") && squash(raw).startsWith("#end:data")) {
                    throw new OvfException(where() + "the text data end after " + k + " of " + total + " values");
                }
                raw = raw.substring(0, hash);
            }
            for (String tok : raw.strip().split("[\\s,]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                if (k == total) {
                    throw new OvfException(where() + "more values than the header's " + total);
                }
                try {
                    v[k++] = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw new OvfException(where() + "\"" + clip(tok) + "\" is not a number");
                }
            }
        }
        expectEnd("text");
        return v;
    }

    private double[] binary(int total, int width, int version, int dataLine) {
        long need = (long) width * (total + 1);
        if (bytes.length - pos < need) {
            throw new OvfException(name + ": the file ends inside the binary data begun at line " + dataLine + ": "
                    + need + " bytes needed (check value and " + total + " values), " + (bytes.length - pos)
                    + " left (truncated?)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, pos, (int) need)
                .order(version == 2 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        double check = width == 4 ? b.getFloat() : b.getDouble();
        double expected = width == 4 ? 1234567.0 : 123456789012345.0;
        if (check != expected) {
            throw new OvfException(name + ":" + dataLine + ": the Binary " + width + " check value reads " + check
                    + "; expected " + expected + " (" + (version == 2 ? "OVF 2.0 stores binary data least "
                    + "significant byte first" : "OVF 1.0 stores binary data most significant byte first") + ")");
        }
        double[] v = new double[total];
        for (int i = 0; i < total; i++) {
            v[i] = width == 4 ? b.getFloat() : b.getDouble();
        }
        pos += (int) need;
        expectEnd("binary" + width);
        return v;
    }

    private void expectEnd(String format) {
        while (true) {
            String raw = nextLine();
            if (raw == null) {
                throw new OvfException(name + ": the file ends before \"# End: Data\" (truncated?)");
            }
            String s = squash(raw);
            if (s.isEmpty()) {
                continue;
            }
            if (!s.equals("#end:data" + format)) {
                throw new OvfException(where() + "\"" + clip(raw.strip()) + "\" after the data; expected \"# End: "
                        + "Data\" (more data than the header's node count?)");
            }
            return;
        }
    }

    private String nextLine() {
        if (pos >= bytes.length) {
            return null;
        }
        int start = pos;
        while (pos < bytes.length && bytes[pos] != '\n') {
            pos++;
        }
        int end = pos;
        if (pos < bytes.length) {
            pos++;
        }
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        line++;
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private String where() {
        return name + ":" + line + ": ";
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** The header's values with the line each came from. */
    private final class Header {
        private final Map<String, String> h;
        private final Map<String, Integer> lines;

        Header(Map<String, String> h, Map<String, Integer> lines) {
            this.h = h;
            this.lines = lines;
        }

        String at(String key) {
            return name + ":" + lines.getOrDefault(key, line) + ": ";
        }

        String need(String key) {
            String v = h.get(key);
            if (v == null) {
                throw new OvfException(name + ":" + line + ": the header has no " + key + " (required before the "
                        + "data)");
            }
            return v;
        }

        double finite(String key) {
            String v = need(key);
            try {
                double d = Double.parseDouble(v.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new OvfException(at(key) + key + ": \"" + clip(v) + "\" is not a finite number");
        }

        int positiveInt(String key, int most) {
            String v = need(key);
            try {
                long n = Long.parseLong(v.strip());
                if (n >= 1 && n <= most) {
                    return (int) n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new OvfException(at(key) + key + ": \"" + clip(v) + "\"; expected a whole number from 1 to "
                    + most);
        }

        double meshUnit() {
            String u = h.getOrDefault("meshunit", "m").strip();
            return switch (u) {
                case "m" -> 1;
                case "mm" -> 1e-3;
                case "um", "µm" -> 1e-6;
                case "nm" -> 1e-9;
                default -> throw new OvfException(at("meshunit") + "meshunit: " + u + "; expected m, mm, um or nm");
            };
        }

        List<String> list(String key, int dim, String fallback) {
            List<String> out = new ArrayList<>();
            String v = key == null ? null : h.get(key);
            if (v != null) {
                out.addAll(tokens(v));
            }
            if (v != null && dim > 1 && out.size() == 1) {
                String one = out.get(0);
                while (out.size() < dim) {
                    out.add(one); // OVF 1.0's single valueunit applies to every component
                }
            }
            if (v != null && out.size() != dim) {
                throw new OvfException(at(key) + key + " lists " + out.size() + " entries; valuedim is " + dim);
            }
            while (out.size() < dim) {
                out.add(fallback.equals("v") ? "v" + out.size() : fallback);
            }
            return List.copyOf(out);
        }
    }

    /** Splits on white space, keeping {braced words} together (OVF 2.0 labels may be braced Tcl lists). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{') {
                int close = s.indexOf('}', i + 1);
                int end = close < 0 ? n : close;
                out.add(s.substring(i + 1, end).strip());
                i = end + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
