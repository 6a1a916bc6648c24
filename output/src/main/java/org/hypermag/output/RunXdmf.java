package org.hypermag.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code run.xdmf}: an XDMF 3 description of a run's frames, so that ParaView (and VisIt) open the whole run as a
 * time series straight from the HDF5 files, without conversion (ParaView's "XDMF Reader S/T", the XDMF 3 readers).
 * One uniform grid per frame in a temporal collection whose time is the frame index (frame times repeat between
 * stages), with the frame's time {@code t} (s) and {@code stage} as field data; each array a hyperslab of its
 * segment's dataset ({@code file:/dataset|start:stride:count:dimensions}):
 *
 * <ul>
 *   <li>a run whose domains are every cell of a grid, in order: a {@code 3DCoRectMesh} of the grid with the arrays
 *   as cell data (m; demag_field and effective_field in A/m; energy densities in J/m³, one array per column);</li>
 *   <li>any other geometry (shaped grids, prisms): one point per domain at its centre ({@code Polyvertex}), the arrays
 *   as point data, with each domain's {@code size} (m) and {@code region}.</li>
 * </ul>
 *
 * Written when a run ends (also when it stops early) and by {@code hypermag convert}; it refers to the files by
 * relative paths, so the run directory may be moved.
 */
public final class RunXdmf {
    /** The file's name in the run directory. */
    public static final String FILE = "run.xdmf";

    private RunXdmf() {
    }

    /**
     * @param run the run
     * @return the file written
     */
    public static Path write(RunReader run) {
        Path out = run.dir().resolve(FILE);
        AtomicTextFile.write(out, w -> body(run, w));
        return out;
    }

    private static void body(RunReader run, BufferedWriter w) throws IOException {
        int n = run.domains();
        boolean grid = run.fullGrid();
        w.write("<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n");
        w.write("<!-- written by hypermag: the frames of this run (frames/segment-NNNNN.h5) as a time series -->\n");
        w.write("<Xdmf Version=\"3.0\">\n <Domain>\n");
        w.write("  <Grid Name=\"frames\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        List<RunReader.Segment> segs = run.segmentInfo();
        int k = 0;
        for (int s = 0; s < segs.size(); s++) {
            RunReader.Segment seg = segs.get(s);
            String file = RunLayout.FRAMES_DIR + "/" + run.segments().get(s).getFileName();
            for (int f = 0; f < seg.frames(); f++, k++) {
                w.write(String.format(Locale.ROOT, "   <Grid Name=\"frame %d\" GridType=\"Uniform\">\n", k));
                // the frame index as the series' time: frame times repeat (a stage's last frame and the next
                // stage's first; stages that restart their clock), and a time series needs them increasing
                w.write(String.format(Locale.ROOT, "    <Time Value=\"%d\"/>\n", k));
                topology(run, grid, w);
                w.write(String.format(Locale.ROOT, "    <Attribute Name=\"t\" AttributeType=\"Scalar\" Center=\"Grid\">"
                        + "\n     <DataItem Dimensions=\"1\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">%.17g"
                        + "</DataItem>\n    </Attribute>\n", run.time(k)));
                w.write(String.format(Locale.ROOT, "    <Attribute Name=\"stage\" AttributeType=\"Scalar\" "
                        + "Center=\"Grid\">\n     <DataItem Dimensions=\"1\" NumberType=\"Int\" Format=\"XML\">%d"
                        + "</DataItem>\n    </Attribute>\n", run.stage(k)));
                for (String set : seg.datasets()) {
                    if (set.equals("energy_density")) {
                        List<String> cols = seg.energyColumns();
                        for (int c = 0; c < cols.size(); c++) {
                            attribute(w, "energy_density_" + cols.get(c), "Scalar", grid, file, set, f, seg, n,
                                    cols.size(), c, 1);
                        }
                    } else {
                        attribute(w, set, "Vector", grid, file, set, f, seg, n, 3, 0, 3);
                    }
                }
                w.write("   </Grid>\n");
            }
        }
        w.write("  </Grid>\n </Domain>\n</Xdmf>\n");
    }

    private static void topology(RunReader run, boolean grid, BufferedWriter w) throws IOException {
        int n = run.domains();
        if (grid) {
            int[] c = run.gridCounts();
            double[] o = run.origin(), d = run.cellSize();
            w.write(String.format(Locale.ROOT, "    <Topology TopologyType=\"3DCoRectMesh\" Dimensions=\"%d %d %d\"/>\n",
                    c[2] + 1, c[1] + 1, c[0] + 1));
            w.write("    <Geometry GeometryType=\"ORIGIN_DXDYDZ\">\n");
            w.write(String.format(Locale.ROOT, "     <DataItem Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" "
                    + "Format=\"XML\">%.17g %.17g %.17g</DataItem>\n", o[2], o[1], o[0]));
            w.write(String.format(Locale.ROOT, "     <DataItem Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" "
                    + "Format=\"XML\">%.17g %.17g %.17g</DataItem>\n", d[2], d[1], d[0]));
            w.write("    </Geometry>\n");
            return;
        }
        w.write(String.format(Locale.ROOT, "    <Topology TopologyType=\"Polyvertex\" NumberOfElements=\"%d\" "
                + "NodesPerElement=\"1\"/>\n", n));
        w.write("    <Geometry GeometryType=\"XYZ\">\n");
        w.write(String.format(Locale.ROOT, "     <DataItem Dimensions=\"%d 3\" NumberType=\"Float\" Precision=\"8\" "
                + "Format=\"HDF\">%s:/geometry/centres</DataItem>\n", n, RunLayout.RUN_FILE));
        w.write("    </Geometry>\n");
        w.write(String.format(Locale.ROOT, "    <Attribute Name=\"size\" AttributeType=\"Vector\" Center=\"Node\">\n"
                + "     <DataItem Dimensions=\"%d 3\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">%s:/geometry/"
                + "sizes</DataItem>\n    </Attribute>\n", n, RunLayout.RUN_FILE));
        w.write(String.format(Locale.ROOT, "    <Attribute Name=\"region\" AttributeType=\"Scalar\" Center=\"Node\">\n"
                + "     <DataItem Dimensions=\"%d\" NumberType=\"Int\" Precision=\"4\" Format=\"HDF\">%s:/geometry/"
                + "regions</DataItem>\n    </Attribute>\n", n, RunLayout.RUN_FILE));
    }

    /** An attribute: components [first, first + count) of frame f of dataset set (F × n × width). */
    private static void attribute(BufferedWriter w, String name, String type, boolean grid, String file, String set,
            int f, RunReader.Segment seg, int n, int width, int first, int count) throws IOException {
        w.write(String.format(Locale.ROOT, "    <Attribute Name=\"%s\" AttributeType=\"%s\" Center=\"%s\">\n", name,
                type, grid ? "Cell" : "Node"));
        // the XDMF 3 hyperslab of a heavy-data path: file:/dataset|start:stride:count:dimensions
        w.write(String.format(Locale.ROOT, "     <DataItem Dimensions=\"1 %d %d\" NumberType=\"Float\" Precision=\"%d\" "
                + "Format=\"HDF\">%s:/%s|%d 0 %d:1 1 1:1 %d %d:%d %d %d</DataItem>\n    </Attribute>\n", n, count,
                seg.bytes(), file, set, f, first, n, count, seg.frames(), n, width));
    }
}
