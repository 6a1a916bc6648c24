package org.hypermag.solver.demag;

/** Which demagnetising tensor couples a source prism to a target. */
public enum TensorKind {
    /** The field at the target point: {@link PrismTensor}. For arbitrary prisms and evaluation points. */
    POINT,
    /**
     * The field averaged over a target cell equal to the source cell: {@link NewellTensor}. For cells of a regular
     * grid (all sources the same size; the target is a cell of that size centred at the target point).
     */
    CELL_AVERAGED;

    /**
     * Evaluates this tensor.
     *
     * @param x target minus source centre, x (m)
     * @param y target minus source centre, y (m)
     * @param z target minus source centre, z (m)
     * @param sx source side x (m)
     * @param sy source side y (m)
     * @param sz source side z (m)
     * @param out receives the six components
     * @param offset first index written
     */
    public void evaluate(double x, double y, double z, double sx, double sy, double sz, double[] out, int offset) {
        if (this == POINT) {
            PrismTensor.evaluate(x, y, z, sx, sy, sz, out, offset);
        } else {
            NewellTensor.evaluate(x, y, z, sx, sy, sz, out, offset);
        }
    }
}
