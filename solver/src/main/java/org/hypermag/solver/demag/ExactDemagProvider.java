package org.hypermag.solver.demag;

import java.util.List;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.GpuGridDemag;
import org.hypermag.solver.magnet.Magnet;

/**
 * {@code demag: {method: exact}}: the exact prism tensor. On a grid the FFT convolution with the cell-averaged
 * (Newell) tensor ({@link FftDemag}; one layer also on an OpenCL GPU, {@link GpuGridDemag}); for arbitrary prisms the direct sum of the point tensor, reciprocal
 * between prisms of different sizes ({@link DirectDemag}, or {@link GpuDirectSum} on an OpenCL GPU). At points (the
 * {@code field} command) the direct sum of the point tensor.
 */
public final class ExactDemagProvider implements DemagProvider {
    /** The provider. */
    public static final ExactDemagProvider INSTANCE = new ExactDemagProvider();

    private ExactDemagProvider() {
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String doc() {
        return "the exact prism tensor: FFT convolution (cell-averaged tensor) on grids, direct sum (point tensor) "
                + "among arbitrary prisms";
    }

    @Override
    public List<DemagSetting> settings() {
        return List.of();
    }

    @Override
    public String unsupported(Magnet magnet, DemagSettings settings) {
        return null;
    }

    @Override
    public long estimateBytes(Magnet magnet, DemagSettings settings) {
        if (magnet.isOnGrid()) {
            return FftDemag.estimateBytes(magnet.grid());
        }
        long n = magnet.size();
        // per-pair tensors are stored only within the direct sum's budget, else evaluated on the fly
        return Math.min(DirectSum.defaultMemoryBudget(), 6 * 8 * n * n) + 200 * n;
    }

    @Override
    public boolean hasGpuKernel(Magnet magnet) {
        return !magnet.isOnGrid() || magnet.grid().nz() == 1;
    }

    @Override
    public DemagField build(DemagRequest r) {
        Magnet magnet = r.magnet();
        if (magnet.isOnGrid()) {
            FftDemag cpu = new FftDemag(magnet.grid(), magnet.gridCells(), r.pool());
            if (r.device().isGpu()) {
                if (GpuGridDemag.supports(cpu)) {
                    return new GpuGridDemag(cpu, r.device().device(), r.precision(), r.log());
                }
                r.log().accept("gpu: the exact demag of a grid of " + magnet.grid().nz() + " layers is the FFT "
                        + "convolution on the CPU (the device convolves one layer)");
            }
            return cpu;
        }
        if (r.device().isGpu()) {
            return GpuDirectSum.amongDomains(magnet.prisms(), r.device().device(), r.precision(), r.log());
        }
        return DirectDemag.forPrisms(magnet.prisms(), DirectSum.defaultMemoryBudget(), r.pool());
    }

    @Override
    public DemagField atPoints(Prisms sources, double[] x, double[] y, double[] z, DemagRequest r) {
        if (r.device().isGpu()) {
            return GpuDirectSum.atPoints(sources, x, y, z, r.device().device(), r.precision(), r.log());
        }
        return new DirectSum(sources, x, y, z, TensorKind.POINT, DirectSum.defaultMemoryBudget(), r.pool());
    }
}
