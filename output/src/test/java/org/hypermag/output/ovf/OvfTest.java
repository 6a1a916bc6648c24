package org.hypermag.output.ovf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OVF reading and writing against the OVF specification (NIST OOMMF user guide, "OVF file format": OVF 1.0 binary
 * most significant byte first, OVF 2.0 least significant first, check values 1234567.0 and 123456789012345.0) and
 * against files written by OOMMF 2.1a0 itself (test resources, with how they were made).
 */
class OvfTest {
    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(OvfTest.class.getResource("oommf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OvfData sample(int nx, int ny, int nz, long seed) {
        Random r = new Random(seed);
        int n = nx * ny * nz;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian(), l = Math.sqrt(a * a + b * b + c * c);
            x[i] = a / l;
            y[i] = b / l;
            z[i] = c / l;
        }
        return OvfData.rectangular("m", new int[] {nx, ny, nz}, new double[] {-1e-7, 2e-8, 0},
                new double[] {3.125e-9, 2.5e-9, 1e-9}, x, y, z, "m", "1");
    }

    @Test
    void binary8RoundTripsBitForBitInBothVersions() {
        OvfData d = sample(7, 5, 3, 1);
        for (int version = 1; version <= 2; version++) {
            Path f = dir.resolve("b8-v" + version + ".ovf");
            OvfWriter.write(f, d, OvfWriter.Format.BINARY8, version);
            OvfData back = OvfReader.read(f);
            assertArrayEquals(d.values(), back.values(), 0.0);
            assertArrayEquals(d.nodes(), back.nodes());
            assertArrayEquals(d.base(), back.base(), 0.0);
            assertArrayEquals(d.step(), back.step(), 0.0);
            assertArrayEquals(d.min(), back.min(), 0.0);
            assertArrayEquals(d.max(), back.max(), 0.0);
        }
    }

    @Test
    void textRoundTripsExactlyAndBinary4ToSinglePrecision() {
        OvfData d = sample(4, 6, 2, 2);
        Path text = dir.resolve("t.ovf"), b4 = dir.resolve("b4.ovf");
        OvfWriter.write(text, d, OvfWriter.Format.TEXT, 2);
        assertArrayEquals(d.values(), OvfReader.read(text).values(), 0.0, "shortest round-trip decimal");
        OvfWriter.write(b4, d, OvfWriter.Format.BINARY4, 2);
        double[] back = OvfReader.read(b4).values();
        for (int i = 0; i < back.length; i++) {
            assertEquals(d.values()[i], back[i], 6e-8 * Math.abs(d.values()[i]) + 1e-45, "7 digits at " + i);
        }
        assertEquals(List.of("m_x", "m_y", "m_z"), OvfReader.read(b4).labels());
    }

    @Test
    void binaryDataFollowTheSpecifiedByteOrderAndCheckValue() throws IOException {
        OvfData d = sample(2, 1, 1, 3);
        Path v2 = dir.resolve("v2.ovf"), v1 = dir.resolve("v1.ovf");
        OvfWriter.write(v2, d, OvfWriter.Format.BINARY4, 2);
        OvfWriter.write(v1, d, OvfWriter.Format.BINARY4, 1);
        assertEquals(1234567.0f, ByteBuffer.wrap(dataOf(v2), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        assertEquals(1234567.0f, ByteBuffer.wrap(dataOf(v1), 0, 4).order(ByteOrder.BIG_ENDIAN).getFloat());
        assertEquals((float) d.values()[0], ByteBuffer.wrap(dataOf(v1), 4, 4).order(ByteOrder.BIG_ENDIAN).getFloat());
        // an OVF 2.0 header over big-endian data: the check value gives it away
        byte[] v1bytes = Files.readAllBytes(v1);
        String swapped = new String(v1bytes, StandardCharsets.ISO_8859_1)
                .replace("# OOMMF: rectangular mesh v1.0", "# OOMMF OVF 2.0")
                .replace("# Begin: Header\n", "# Begin: Header\n# meshtype: rectangular\n")
                .replace("# valueunit: 1\n", "# valuedim: 3\n");
        Path wrong = dir.resolve("wrong-order.ovf");
        Files.write(wrong, swapped.getBytes(StandardCharsets.ISO_8859_1));
        OvfException e = assertThrows(OvfException.class, () -> OvfReader.read(wrong));
        assertTrue(e.getMessage().startsWith(wrong + ":") && e.getMessage().contains("check value")
                && e.getMessage().contains("least significant byte first"), e.getMessage());
    }

    /** The bytes after "# Begin: Data ...\n". */
    private static byte[] dataOf(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf('\n', s.indexOf("# Begin: Data")) + 1;
        return Arrays.copyOfRange(b, at, b.length);
    }

    /** OOMMF's binary 8, binary 4 and text files (OVF 2.0) and OVF 1.0 conversions hold the same field. */
    @Test
    void filesWrittenByOommfReadAlike() {
        OvfData b8 = OvfReader.read(resource("b8.omf"));
        assertArrayEquals(new int[] {4, 3, 2}, b8.nodes());
        assertArrayEquals(new double[] {2.5e-9, 2.5e-9, 2.5e-9}, b8.base(), 1e-24);
        assertArrayEquals(new double[] {5e-9, 5e-9, 5e-9}, b8.step(), 1e-24);
        assertEquals(List.of("A/m", "A/m", "A/m"), b8.units());
        assertEquals("Oxs_TimeDriver::Magnetization", b8.title());
        assertEquals(1e-12, b8.simulationTime(), 1e-24);
        for (int i = 0; i < b8.count(); i++) {
            double[] v = Arrays.copyOfRange(b8.values(), 3 * i, 3 * i + 3);
            assertEquals(8e5, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]), 1e-6, "|M| = Ms at node " + i);
        }
        assertArrayEquals(b8.values(), OvfReader.read(resource("text.omf")).values(), 0.0, "text %.17g");
        assertArrayEquals(b8.values(), OvfReader.read(resource("v1-b8.omf")).values(), 0.0, "OVF 1.0 binary 8");
        assertArrayEquals(b8.values(), OvfReader.read(resource("v1-text.omf")).values(), 1e-9, "OVF 1.0 text");
        for (String f : List.of("b4.omf", "v1-b4.omf")) {
            double[] v = OvfReader.read(resource(f)).values();
            for (int i = 0; i < v.length; i++) {
                assertEquals(b8.values()[i], v[i], 8e5 * 1e-7, f + " at " + i);
            }
        }
        OvfData h = OvfReader.read(resource("b8-exchange.ohf"));
        assertEquals(24 * 3, h.values().length);
    }

    @Test
    void irregularMeshesReadWithTheirPositionsAndRoundTrip() {
        OvfData irr = OvfReader.read(resource("irregular-text.omf"));
        OvfData rect = OvfReader.read(resource("b8.omf"));
        assertTrue(irr.irregular());
        assertEquals(24, irr.count());
        for (int i = 0; i < 24; i++) {
            assertEquals(2.5e-9 + 5e-9 * (i % 4), irr.positions()[3 * i], 1e-20, "x of point " + i);
            assertEquals(2.5e-9 + 5e-9 * (i / 12), irr.positions()[3 * i + 2], 1e-20, "z of point " + i);
        }
        assertArrayEquals(rect.values(), irr.values(), 0.0);
        Path f = dir.resolve("irr.ovf");
        OvfWriter.write(f, irr, OvfWriter.Format.BINARY8, 2);
        OvfData back = OvfReader.read(f);
        assertArrayEquals(irr.positions(), back.positions(), 0.0);
        assertArrayEquals(irr.values(), back.values(), 0.0);
    }

    /** Written by hand from the specification: OVF 1.0 text with a value multiplier, nm mesh unit, comments. */
    @Test
    void aHandWrittenOvf1FileAppliesItsValueMultiplierAndMeshUnit() throws IOException {
        Path f = dir.resolve("hand.omf");
        Files.writeString(f, """
                # OOMMF: rectangular mesh v1.0
                # Segment count: 1
                # Begin: Segment
                # Begin: Header
                # Title: by hand ## a comment
                # meshunit: nm
                # xbase: 0.5
                # ybase: 0.5
                # zbase: 0.5
                # xstepsize: 1
                # ystepsize: 1
                # zstepsize: 1
                # xnodes: 2
                # ynodes: 1
                # znodes: 1
                # xmin: 0
                # ymin: 0
                # zmin: 0
                # xmax: 2
                # ymax: 1
                # zmax: 1
                # valueunit: A/m
                # valuemultiplier: 1000
                # ValueRangeMinMag: 1e-8
                # ValueRangeMaxMag: 1000
                # End: Header
                # Begin: Data Text
                1 0 0
                0 0.5 -0.5   # trailing comment
                # End: Data Text
                # End: Segment
                """);
        OvfData d = OvfReader.read(f);
        assertArrayEquals(new double[] {1000, 0, 0, 0, 500, -500}, d.values(), 0.0);
        assertArrayEquals(new double[] {1e-9, 1e-9, 1e-9}, d.step(), 1e-24);
        assertEquals("by hand", d.title());
    }

    /**
     * The layout mumax3 writes (its data/ovf2.go, read for the format only): "#" spacer lines, lower-case
     * "Data binary 4", values in the machine's (little-endian) order, the end line straight after the last data byte
     * with no newline, and the time as "Total simulation time:  1e-09  s".
     */
    @Test
    void aFileLaidOutAsMumax3WritesItReads() throws IOException {
        StringBuilder h = new StringBuilder("# OOMMF OVF 2.0\n#\n# Segment count: 1\n#\n# Begin: Segment\n"
                + "# Begin: Header\n#\n# Title: m\n# meshtype: rectangular\n# meshunit: m\n# xmin: 0\n# ymin: 0\n"
                + "# zmin: 0\n# xmax: 1e-08\n# ymax: 5e-09\n# zmax: 3e-09\n# valuedim: 3\n"
                + "# valuelabels: m_x m_y m_z\n# valueunits: 1 1 1\n# Desc: Total simulation time:  1e-09  s\n"
                + "# xbase: 2.5e-09\n# ybase: 2.5e-09\n# zbase: 1.5e-09\n# xnodes: 2\n# ynodes: 1\n# znodes: 1\n"
                + "# xstepsize: 5e-09\n# ystepsize: 5e-09\n# zstepsize: 3e-09\n#\n# End: Header\n#\n"
                + "# Begin: Data binary 4\n");
        ByteBuffer b = ByteBuffer.allocate(4 * 7).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1234567.0f);
        for (float v : new float[] {1, 0, 0, 0, 0.6f, 0.8f}) {
            b.putFloat(v);
        }
        Path f = dir.resolve("m000001.ovf");
        try (var out = Files.newOutputStream(f)) {
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b.array());
            out.write("# End: Data binary 4\n# End: Segment\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        OvfData d = OvfReader.read(f);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0.6f, 0.8f}, d.values(), 0.0);
        assertEquals(1e-9, d.simulationTime(), 0.0);
        assertEquals(List.of("m_x", "m_y", "m_z"), d.labels());
    }

    @Test
    void brokenFilesAreRefusedNamingFileAndLine() throws IOException {
        Path good = dir.resolve("good.ovf");
        OvfWriter.write(good, sample(3, 3, 1, 4), OvfWriter.Format.BINARY8, 2);
        byte[] b = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.ovf");
        Files.write(cut, Arrays.copyOf(b, b.length - 100));
        assertMessage(cut, cut + ": the file ends inside the binary data begun at line ");
        String text = new String(b, StandardCharsets.ISO_8859_1);
        Path nodes = dir.resolve("nodes.ovf");
        Files.writeString(nodes, text.replace("# xnodes: 3", "# xnodes: three"), StandardCharsets.ISO_8859_1);
        assertMessage(nodes, nodes + ":");
        assertTrue(message(nodes).contains("xnodes: \"three\"; expected a whole number"), message(nodes));
        Path sig = dir.resolve("sig.ovf");
        Files.writeString(sig, "hello\n");
        assertMessage(sig, sig + ":1: \"hello\" is not an OVF signature");
        Path missing = dir.resolve("missing.ovf");
        Files.writeString(missing, text.replace("# ystepsize: 2.5e-9\n", ""), StandardCharsets.ISO_8859_1);
        assertTrue(message(missing).contains("the header has no ystepsize"), message(missing));
        OvfWriter.write(good, sample(3, 3, 1, 4), OvfWriter.Format.TEXT, 2);
        String t = Files.readString(good, StandardCharsets.ISO_8859_1);
        Path shortText = dir.resolve("short.ovf");
        int last = t.lastIndexOf('\n', t.indexOf("# End: Data") - 2);
        Files.writeString(shortText, t.substring(0, last + 1) + t.substring(t.indexOf("# End: Data")),
                StandardCharsets.ISO_8859_1);
        assertTrue(message(shortText).contains("the text data end after 24 of 27 values"), message(shortText));
        assertMessage(dir.resolve("absent.ovf"), dir.resolve("absent.ovf") + ": no such file");
    }

    private static String message(Path f) {
        return assertThrows(OvfException.class, () -> OvfReader.read(f)).getMessage();
    }

    private static void assertMessage(Path f, String start) {
        String m = message(f);
        assertTrue(m.startsWith(start), m);
    }
}
