package org.hypermag.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfWriter;
import org.hypermag.solver.VectorField;

/**
 * A run's frames as OVF files (for muview, mumax3-convert, OOMMF's mmDisp) or VTK XML files (for ParaView, VisIt),
 * one file per frame and per vector field, named like mumax3's ({@code m000000.ovf}; {@code m000000.vti}) with the
 * frame's index in the run:
 *
 * <ul>
 *   <li>OVF 2.0: a rectangular mesh for a run whose domains are every cell of a grid; otherwise an irregular mesh,
 *   one node per domain centre. Time in the {@code Desc} line {@code Total simulation time: T s}, as OOMMF writes.</li>
 *   <li>VTK: {@code .vti} image data with the fields as cell data for a full grid; {@code .vtu} otherwise, one vertex
 *   per domain centre with the fields as point data and the domains' sizes (m) and regions as cell data. A
 *   {@code .pvd} collection lists the files with their times.</li>
 * </ul>
 */
public final class RunConvert {
    /** The per-domain vector datasets a frame may hold, with the OVF/VTK names used for them. */
    public static final List<String> VECTOR_FIELDS = List.of("m", "demag_field", "effective_field");

    private RunConvert() {
    }

    /**
     * @param run the run
     * @param frames frame indices to convert
     * @param fields datasets to convert (of {@link #VECTOR_FIELDS})
     * @param out directory to write into (created)
     * @param format OVF data representation
     * @return the files written
     */
    public static List<Path> toOvf(RunReader run, List<Integer> frames, List<String> fields, Path out,
            OvfWriter.Format format) {
        List<Path> written = new ArrayList<>();
        mkdirs(out);
        boolean grid = run.fullGrid();
        for (int k : frames) {
            for (String f : available(run, k, fields)) {
                VectorField v = run.vectors(k, f);
                String unit = f.equals("m") ? "1" : "A/m";
                OvfData d;
                if (grid) {
                    d = OvfData.rectangular(f + ", frame " + k, run.gridCounts(), run.origin(), run.cellSize(), v.x,
                            v.y, v.z, f, unit);
                } else {
                    d = irregular(run, f + ", frame " + k, v, f, unit);
                }
                d = new OvfData(d.title(), d.irregular(), d.nodes(), d.base(), d.step(), d.min(), d.max(), d.labels(),
                        d.units(), d.values(), d.positions(), List.of(String.format(Locale.ROOT,
                                "Total simulation time: %.17g s", run.time(k)), "Stage: " + run.stage(k)));
                Path p = out.resolve(String.format(Locale.ROOT, "%s%06d.ovf", f, k));
                OvfWriter.write(p, d, format, 2);
                written.add(p);
            }
        }
        return written;
    }

    private static OvfData irregular(RunReader run, String title, VectorField v, String label, String unit) {
        int n = run.domains();
        double[][] c = run.centres();
        double[] pos = new double[3 * n], val = new double[3 * n], min = new double[3], max = new double[3];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[][] s = run.sizes();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                pos[3 * i + a] = c[i][a];
                min[a] = Math.min(min[a], c[i][a] - 0.5 * s[i][a]);
                max[a] = Math.max(max[a], c[i][a] + 0.5 * s[i][a]);
            }
            val[3 * i] = v.x[i];
            val[3 * i + 1] = v.y[i];
            val[3 * i + 2] = v.z[i];
        }
        return new OvfData(title, true, new int[] {n, 1, 1}, new double[3], new double[3], min, max,
                List.of(label + "_x", label + "_y", label + "_z"), List.of(unit, unit, unit), val, pos, List.of());
    }

    /**
     * @param run the run
     * @param frames frame indices to convert
     * @param fields datasets to convert (of {@link #VECTOR_FIELDS}); all go into one file per frame
     * @param out directory to write into (created)
     * @return the files written, the {@code .pvd} collection last
     */
    public static List<Path> toVtk(RunReader run, List<Integer> frames, List<String> fields, Path out) {
        List<Path> written = new ArrayList<>();
        mkdirs(out);
        boolean grid = run.fullGrid();
        String ext = grid ? "vti" : "vtu";
        for (int k : frames) {
            Path p = out.resolve(String.format(Locale.ROOT, "frame%06d.%s", k, ext));
            List<String> have = available(run, k, fields);
            int frame = k;
            AtomicTextFile.write(p, w -> {
                if (grid) {
                    imageData(run, frame, have, w);
                } else {
                    unstructured(run, frame, have, w);
                }
            });
            written.add(p);
        }
        Path pvd = out.resolve("frames.pvd");
        AtomicTextFile.write(pvd, w -> {
            w.write("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n <Collection>\n");
            for (int i = 0; i < frames.size(); i++) {
                // the frame index as the timestep, as in run.xdmf: frame times repeat between stages
                w.write(String.format(Locale.ROOT, "  <DataSet timestep=\"%d\" part=\"0\" file=\"%s\"/>\n",
                        frames.get(i), written.get(i).getFileName()));
            }
            w.write(" </Collection>\n</VTKFile>\n");
        });
        written.add(pvd);
        return written;
    }

    private static void imageData(RunReader run, int k, List<String> fields, BufferedWriter w) throws IOException {
        int[] c = run.gridCounts();
        double[] o = run.origin(), d = run.cellSize();
        w.write("<?xml version=\"1.0\"?>\n<VTKFile type=\"ImageData\" version=\"0.1\" byte_order=\"LittleEndian\">\n");
        w.write(String.format(Locale.ROOT, " <ImageData WholeExtent=\"0 %d 0 %d 0 %d\" Origin=\"%.17g %.17g %.17g\" "
                + "Spacing=\"%.17g %.17g %.17g\">\n", c[0], c[1], c[2], o[0], o[1], o[2], d[0], d[1], d[2]));
        fieldData(run, k, w);
        w.write(String.format(Locale.ROOT, "  <Piece Extent=\"0 %d 0 %d 0 %d\">\n   <CellData Vectors=\"m\">\n", c[0],
                c[1], c[2]));
        for (String f : fields) {
            vectors(w, f, run.vectors(k, f));
        }
        w.write("   </CellData>\n  </Piece>\n </ImageData>\n</VTKFile>\n");
    }

    private static void unstructured(RunReader run, int k, List<String> fields, BufferedWriter w) throws IOException {
        int n = run.domains();
        double[][] c = run.centres(), s = run.sizes();
        int[] regions = run.regions();
        w.write("<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"0.1\" "
                + "byte_order=\"LittleEndian\">\n <UnstructuredGrid>\n");
        fieldData(run, k, w);
        w.write(String.format(Locale.ROOT, "  <Piece NumberOfPoints=\"%d\" NumberOfCells=\"%d\">\n", n, n));
        w.write("   <Points>\n    <DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (double[] p : c) {
            w.write(String.format(Locale.ROOT, "%.17g %.17g %.17g\n", p[0], p[1], p[2]));
        }
        w.write("    </DataArray>\n   </Points>\n   <Cells>\n");
        w.write("    <DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i).append(i % 16 == 15 ? '\n' : ' ');
        }
        w.write(b.toString());
        w.write("\n    </DataArray>\n    <DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n");
        b.setLength(0);
        for (int i = 0; i < n; i++) {
            b.append(i + 1).append(i % 16 == 15 ? '\n' : ' ');
        }
        w.write(b.toString());
        w.write("\n    </DataArray>\n    <DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
        b.setLength(0);
        for (int i = 0; i < n; i++) {
            b.append("1").append(i % 32 == 31 ? '\n' : ' '); // VTK_VERTEX
        }
        w.write(b.toString());
        w.write("\n    </DataArray>\n   </Cells>\n   <PointData Vectors=\"m\">\n");
        for (String f : fields) {
            vectors(w, f, run.vectors(k, f));
        }
        w.write("   </PointData>\n   <CellData>\n");
        w.write("    <DataArray type=\"Float64\" Name=\"size\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (double[] p : s) {
            w.write(String.format(Locale.ROOT, "%.17g %.17g %.17g\n", p[0], p[1], p[2]));
        }
        w.write("    </DataArray>\n    <DataArray type=\"Int32\" Name=\"region\" format=\"ascii\">\n");
        b.setLength(0);
        for (int i = 0; i < n; i++) {
            b.append(regions[i]).append(i % 32 == 31 ? '\n' : ' ');
        }
        w.write(b.toString());
        w.write("\n    </DataArray>\n   </CellData>\n  </Piece>\n </UnstructuredGrid>\n</VTKFile>\n");
    }

    /** The frame's time t (s) and stage, as field data. */
    private static void fieldData(RunReader run, int k, BufferedWriter w) throws IOException {
        w.write(String.format(Locale.ROOT, "  <FieldData>\n   <DataArray type=\"Float64\" Name=\"t\" "
                + "NumberOfTuples=\"1\" format=\"ascii\">%.17g</DataArray>\n   <DataArray type=\"Int32\" "
                + "Name=\"stage\" NumberOfTuples=\"1\" format=\"ascii\">%d</DataArray>\n  </FieldData>\n",
                run.time(k), run.stage(k)));
    }

    private static void vectors(BufferedWriter w, String name, VectorField v) throws IOException {
        w.write("    <DataArray type=\"Float64\" Name=\"" + name + "\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (int i = 0; i < v.size(); i++) {
            w.write(String.format(Locale.ROOT, "%.9g %.9g %.9g\n", v.x[i], v.y[i], v.z[i]));
        }
        w.write("    </DataArray>\n");
    }

    /** The requested fields frame k's segment holds. */
    private static List<String> available(RunReader run, int k, List<String> fields) {
        List<String> have = run.segmentInfo().get(run.segmentOf(k)).datasets();
        return fields.stream().filter(have::contains).toList();
    }

    private static void mkdirs(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
    }
}
