package org.hypermag.solver.demag;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The exact demagnetising field by direct summation over all pairs of domains: the reference for any geometry.
 *
 * <p>For an arbitrary collection of prisms the point tensor is evaluated at each domain's centre
 * ({@link TensorKind#POINT}); for the cells of a regular grid the cell-averaged tensor is used
 * ({@link TensorKind#CELL_AVERAGED}), the same one {@link FftDemag} convolves with. The domain's own (self) term is
 * included.
 */
public final class DirectDemag implements DemagField {
    private final DirectSum sum;
    private final GridDirectSum gridSum;
    private final String description;

    private DirectDemag(DirectSum sum, GridDirectSum gridSum, String description) {
        this.sum = sum;
        this.gridSum = gridSum;
        this.description = description;
    }

    /**
     * Direct sum over an arbitrary collection: the point tensor at the domain centres, made reciprocal between
     * prisms of different sizes (see {@link DirectSum#amongDomains}), so that the field is the gradient of the demag
     * energy; for equal prisms it is the plain point tensor.
     *
     * @param prisms the domains
     * @param memoryBudgetBytes see {@link DirectSum}
     * @param pool threads
     * @return the field
     */
    public static DirectDemag forPrisms(Prisms prisms, long memoryBudgetBytes, WorkerPool pool) {
        DirectSum s = DirectSum.amongDomains(prisms, true, memoryBudgetBytes, pool);
        return new DirectDemag(s, null, describe(s.isReciprocal() ? "point tensor at centres, reciprocal between "
                + "prisms of different sizes" : "point tensor at centres", s, prisms.size()));
    }

    /**
     * Direct sum over the cells of a grid with the cell-averaged tensor. Translation invariance is used: the tensor
     * is stored once per offset between cells (O(N) memory), and every evaluation does the full O(N²) sum.
     *
     * @param grid the grid; its cells are the domains in linear-index order
     * @param pool threads
     * @return the field
     */
    public static DirectDemag forGrid(RegularGrid grid, WorkerPool pool) {
        return new DirectDemag(null, new GridDirectSum(grid, pool), "exact direct sum, cell-averaged (Newell) tensor "
                + "stored per offset, grid " + grid + ", N=" + grid.cellCount());
    }

    private static String describe(String tensor, DirectSum s, int n) {
        return "exact direct sum, " + tensor + ", N=" + n + ", "
                + (s.isPrecomputed() ? "precomputed tensors" : "tensors evaluated on the fly");
    }

    /** @return true if the interaction tensors are stored (per pair, or per offset on a grid) */
    public boolean isPrecomputed() {
        return gridSum != null || sum.isPrecomputed();
    }

    @Override
    public int sources() {
        return gridSum != null ? gridSum.size() : sum.sourceCount();
    }

    @Override
    public int targets() {
        return gridSum != null ? gridSum.size() : sum.targetCount();
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (gridSum != null) {
            gridSum.addField(magnetisation, h);
        } else {
            sum.addField(magnetisation, h);
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
