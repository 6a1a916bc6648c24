package org.hypermag.solver.llg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The exchange field and the precession and damping of a large grid split over a pool's threads give the bits of
 * one thread (each domain's value is computed by one thread; the largest torque is a maximum over chunks).
 */
class ParallelLocalLoopsTest {

    @Test
    void exchangeAndTorqueOnThreadsGiveTheBitsOfOneThread() {
        RegularGrid grid = new RegularGrid(160, 120, 1, 4e-9, 4e-9, 3e-9); // 19 200 cells: above the threshold
        Magnet magnet = Magnet.onGrid(grid, Material.of(8e5).with(ExchangeField.A, 1.3e-11)
                .with(LlgEquation.ALPHA, 0.02));
        int n = magnet.size();
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.013 * i, b = 0.0071 * i;
            double x = Math.cos(a), y = Math.sin(a), z = 0.3 * Math.sin(b);
            double r = Math.sqrt(x * x + y * y + z * z);
            m.x[i] = x / r;
            m.y[i] = y / r;
            m.z[i] = z / r;
        }
        StageDrive drive = new StageDrive();
        drive.set(AppliedField.constant(new double[] {-2e4, 3e3, 0}), 0);
        try (WorkerPool pool = new WorkerPool(3)) {
            VectorField[] dmdt = new VectorField[2];
            VectorField[] h = new VectorField[2];
            double[] torque = new double[2];
            for (int k = 0; k < 2; k++) {
                WorkerPool p = k == 0 ? null : pool;
                EffectiveField field = new EffectiveField(n, ExchangeField.of(magnet, p),
                        new ZeemanField(magnet, drive));
                LlgEquation llg = new LlgEquation(magnet, field, List.of(), p);
                dmdt[k] = new VectorField(n);
                llg.derivative(0, m, dmdt[k]);
                h[k] = llg.lastField().copy();
                torque[k] = llg.lastMaxTorque();
            }
            assertArrayEquals(h[0].x, h[1].x);
            assertArrayEquals(h[0].y, h[1].y);
            assertArrayEquals(h[0].z, h[1].z);
            assertArrayEquals(dmdt[0].x, dmdt[1].x);
            assertArrayEquals(dmdt[0].y, dmdt[1].y);
            assertArrayEquals(dmdt[0].z, dmdt[1].z);
            assertEquals(torque[0], torque[1], 0.0);
        }
    }
}
