package org.hypermag.solver.demag;

import java.util.List;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;

/**
 * {@code demag: {method: none}}: no demagnetising field, for problems that model it by an effective anisotropy
 * (thin films with K_eff = K1 − μ0Ms²/2, the DMI standard problems) and for tests of other terms.
 */
public final class NoDemagProvider implements DemagProvider {
    /** The provider. */
    public static final NoDemagProvider INSTANCE = new NoDemagProvider();

    private NoDemagProvider() {
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String doc() {
        return "no demagnetising field (model it by an effective anisotropy where needed)";
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
        return 0;
    }

    @Override
    public boolean hasGpuKernel(Magnet magnet) {
        return false;
    }

    @Override
    public DemagField build(DemagRequest request) {
        return null;
    }

    @Override
    public DemagField atPoints(Prisms sources, double[] x, double[] y, double[] z, DemagRequest request) {
        throw new IllegalArgumentException("demag method none has no field to evaluate at points");
    }
}
