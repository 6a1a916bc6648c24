package org.hypermag.surrogate.nn;

import org.hypermag.solver.math.LaneFft;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Dense matrix product C = A·B (or C += A·B) of row-major double matrices, register-blocked: tiles of 4 rows × 4
 * SIMD vectors of columns accumulate over the whole inner dimension, so each B element loaded feeds 4 multiply-adds
 * and each A element broadcast feeds 4 vectors. Rows are split over the pool's threads in blocks; every element of C
 * is computed by one thread with the same operations, so the result does not depend on the thread count.
 *
 * <p>Every element is {@code acc = fma(a_ip, b_pj, acc)} for p = 0, 1, …, k − 1, starting from 0 (or from C when
 * adding): one rounding per step. The SIMD tiles ({@code GemmVector}, the JDK's incubating Vector API, loaded only
 * where the JVM runs with {@code --add-modules jdk.incubator.vector} and {@code -Dhypermag.simd} is not
 * {@code false}) and the scalar loops do exactly that, so both give the same bits.
 *
 * <p>Used by the paper's FC + ILR (its read-out over the points shared by all samples is three such products forward
 * and six backward).
 */
public final class Gemm {
    /** Rows per tile. */
    static final int ROWS = 4;
    /** Rows per parallel chunk (whole tiles). */
    private static final int CHUNK_ROWS = 32;
    /** Columns per panel: the B block (DEPTH × PANEL doubles, 512 KiB) is reused by every row tile of a chunk. */
    private static final int PANEL = 256;
    /** Inner indices per block. */
    private static final int DEPTH = 256;
    /** The SIMD tiles, or null where the Vector API is absent or turned off. */
    private static final Tiles VECTOR = loadVector();

    private Gemm() {
    }

    /** SIMD tiles: each does whole vectors of columns and returns how many columns it did from j0. */
    interface Tiles {
        /** @return doubles per vector */
        int lanes();

        /** Rows i..i+3 of C over columns [j0, j1): returns the first column it did not do. */
        int tile4(double[] a, int aRow, int lda, double[] b, int bOff, int ldb, double[] c, int cRow, int ldc, int k,
                  int j0, int j1, boolean add);

        /** Row i of C over columns [j0, j1): returns the first column it did not do. */
        int tile1(double[] a, int aRow, double[] b, int bOff, int ldb, double[] c, int cRow, int k, int j0, int j1,
                  boolean add);
    }

    private static Tiles loadVector() {
        if (!LaneFft.vectorApiEnabled()) {
            return null;
        }
        try {
            return (Tiles) Class.forName(Gemm.class.getPackageName() + ".GemmVector").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // the scalar loops run
        }
    }

    /** @return the doubles per SIMD vector of the tiles, or 0 where the scalar loops run */
    public static int simdLanes() {
        return VECTOR == null ? 0 : VECTOR.lanes();
    }

    /**
     * C = A·B or C += A·B, with A m × k, B k × n and C m × n, each row-major with its own row stride (leading
     * dimension) from its offset. C must not overlap A or B.
     *
     * @param m rows of A and C (≥ 0)
     * @param n columns of B and C (≥ 0)
     * @param k columns of A, rows of B (≥ 0)
     * @param a A's array; element (i, p) at {@code aOff + i·lda + p}
     * @param aOff A's offset
     * @param lda A's row stride (≥ k)
     * @param b B's array; element (p, j) at {@code bOff + p·ldb + j}
     * @param bOff B's offset
     * @param ldb B's row stride (≥ n)
     * @param c C's array; element (i, j) at {@code cOff + i·ldc + j}
     * @param cOff C's offset
     * @param ldc C's row stride (≥ n)
     * @param add whether to add to C (else C is replaced)
     * @param pool threads (rows are split over them)
     */
    public static void multiply(int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                double[] c, int cOff, int ldc, boolean add, WorkerPool pool) {
        if (m < 0 || n < 0 || k < 0 || lda < k || ldb < n || ldc < n) {
            throw new IllegalArgumentException("matrix product " + m + " x " + k + " times " + k + " x " + n
                    + " with row strides " + lda + ", " + ldb + ", " + ldc);
        }
        multiply(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, add, pool, VECTOR);
    }

    /** As the public method, with the tiles given (null: scalar), for tests that compare both paths. */
    static void multiply(int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                         double[] c, int cOff, int ldc, boolean add, WorkerPool pool, Tiles tiles) {
        if (m == 0 || n == 0) {
            return;
        }
        int chunks = (m + CHUNK_ROWS - 1) / CHUNK_ROWS;
        pool.forRange(chunks, 1, (from, to) -> {
            int r0 = from * CHUNK_ROWS, r1 = Math.min(m, to * CHUNK_ROWS);
            for (int j0 = 0; j0 < n; j0 += PANEL) {
                int j1 = Math.min(n, j0 + PANEL);
                // the inner dimension in blocks, so that the B block (DEPTH × PANEL) stays in cache across the row
                // tiles; an element's chain of fused multiply-adds continues from C, so the bits are the same
                for (int p0 = 0; p0 < Math.max(k, 1); p0 += DEPTH) {
                    int kb = Math.min(k, p0 + DEPTH) - p0;
                    boolean acc = add || p0 > 0;
                    int ao = aOff + p0, bo = bOff + p0 * ldb;
                    int i = r0;
                    for (; i + ROWS <= r1; i += ROWS) {
                        int j = tiles == null ? j0 : tiles.tile4(a, ao + i * lda, lda, b, bo, ldb, c, cOff + i * ldc,
                                ldc, kb, j0, j1, acc);
                        scalarRows4(a, ao + i * lda, lda, b, bo, ldb, c, cOff + i * ldc, ldc, kb, j, j1, acc);
                    }
                    for (; i < r1; i++) {
                        int j = tiles == null ? j0 : tiles.tile1(a, ao + i * lda, b, bo, ldb, c, cOff + i * ldc, kb,
                                j0, j1, acc);
                        scalarRow(a, ao + i * lda, b, bo, ldb, c, cOff + i * ldc, kb, j, j1, acc);
                    }
                }
            }
        });
    }

    /** Four rows of C over columns [j0, j1), as {@link #scalarRow} (each B element loaded once for the four). */
    private static void scalarRows4(double[] a, int aRow, int lda, double[] b, int bOff, int ldb, double[] c, int cRow,
                                    int ldc, int k, int j0, int j1, boolean add) {
        if (j0 >= j1) {
            return;
        }
        int c0 = cRow, c1 = cRow + ldc, c2 = cRow + 2 * ldc, c3 = cRow + 3 * ldc;
        if (!add) {
            for (int r = 0; r < ROWS; r++) {
                java.util.Arrays.fill(c, cRow + r * ldc + j0, cRow + r * ldc + j1, 0);
            }
        }
        for (int p = 0; p < k; p++) {
            double a0 = a[aRow + p], a1 = a[aRow + lda + p], a2 = a[aRow + 2 * lda + p], a3 = a[aRow + 3 * lda + p];
            int bi = bOff + p * ldb;
            for (int j = j0; j < j1; j++) {
                double bj = b[bi + j];
                c[c0 + j] = Math.fma(a0, bj, c[c0 + j]);
                c[c1 + j] = Math.fma(a1, bj, c[c1 + j]);
                c[c2 + j] = Math.fma(a2, bj, c[c2 + j]);
                c[c3 + j] = Math.fma(a3, bj, c[c3 + j]);
            }
        }
    }

    /**
     * One row of C over columns [j0, j1): for each inner index p in order, the whole row segment
     * {@code c_j = fma(a_p, b_pj, c_j)} (contiguous, so the JIT vectorises it); every element gets the reference
     * chain of fused multiply-adds.
     */
    private static void scalarRow(double[] a, int aRow, double[] b, int bOff, int ldb, double[] c, int cRow, int k,
                                  int j0, int j1, boolean add) {
        if (j0 >= j1) {
            return;
        }
        if (!add) {
            java.util.Arrays.fill(c, cRow + j0, cRow + j1, 0);
        }
        for (int p = 0; p < k; p++) {
            double ap = a[aRow + p];
            int bi = bOff + p * ldb - cRow;
            for (int j = cRow + j0; j < cRow + j1; j++) {
                c[j] = Math.fma(ap, b[bi + j], c[j]);
            }
        }
    }

    /**
     * The transpose of a row-major matrix.
     *
     * @param rows rows of the source
     * @param cols columns of the source
     * @param src the source; element (i, j) at {@code srcOff + i·lds + j}
     * @param srcOff the source's offset
     * @param lds the source's row stride (≥ cols)
     * @param dst receives the transpose, cols × rows, row-major (element (j, i) at {@code j·rows + i})
     */
    public static void transpose(int rows, int cols, double[] src, int srcOff, int lds, double[] dst) {
        final int blk = 32;
        for (int i0 = 0; i0 < rows; i0 += blk) {
            int i1 = Math.min(rows, i0 + blk);
            for (int j0 = 0; j0 < cols; j0 += blk) {
                int j1 = Math.min(cols, j0 + blk);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        dst[j * rows + i] = src[srcOff + i * lds + j];
                    }
                }
            }
        }
    }
}
