package org.hypermag.solver.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The exact demag of a one-layer grid on the device ({@link GpuGridDemag}) against the CPU convolution it is built
 * from ({@link FftDemag}), on fresh random magnetisations, in OpenCL on the CPU (PoCL) and in the Java thread pool:
 * every cell of a 21 × 9 grid (padded 42 × 18: radices 2 and 3) and a disc of the cells of a 25 × 20 grid (padded
 * 50 × 40: radix 5, cells without a domain). Largest error relative to the largest |H|: double 1e-12 (another order
 * of the same sums; measured in the messages), float 4e-6 (float rounding of M, the tensor's transforms and about
 * 2 log₂(px py) butterfly levels). A grid of two layers is not taken.
 */
class GpuGridDemagTest {
    private static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    private static void assertMatches(String what, FftDemag cpu, Device d) {
        for (Precision precision : new Precision[] {Precision.DOUBLE, Precision.SINGLE}) {
            List<String> reports = new ArrayList<>();
            GpuGridDemag gpu = new GpuGridDemag(cpu, d, precision, reports::add);
            double worst = 0;
            for (long seed = 1; seed <= 2; seed++) {
                VectorField m = GpuDirectSumTest.randomM(cpu.sources(), seed * 13 + cpu.sources());
                VectorField h = new VectorField(cpu.targets()), ref = new VectorField(cpu.targets());
                h.set(0, 1, 2, 3);
                ref.set(0, 1, 2, 3);
                gpu.addField(m, h);
                cpu.addField(m, ref);
                worst = Math.max(worst, GpuDirectSumTest.relativeError(h, ref));
            }
            double tol = precision == Precision.DOUBLE ? 1e-12 : 4e-6;
            System.out.printf("%s, %s: device convolution vs CPU %.2e%n", what, precision.key(), worst);
            assertTrue(worst <= tol, what + ", " + precision + ": " + worst);
            assertTrue(gpu.placement().onIntendedDevice(), "ran on " + gpu.placement().actual());
            assertEquals(d != JavaDevice.THREAD_POOL, gpu.placement().kernel().isRunningCL());
            assertTrue(reports.isEmpty(), reports.toString());
            gpu.placement().kernel().dispose();
        }
    }

    @Test
    void everyCellOfAFilmMatchesTheCpuConvolutionInOpenCl() {
        RegularGrid g = new RegularGrid(21, 9, 1, 4e-9, 5e-9, 3e-9);
        assertMatches("21 x 9 film", new FftDemag(g, POOL), OpenClForTests.cpuDevice());
    }

    @Test
    void aDiscOfCellsMatchesInOpenClAndInTheJavaThreadPool() {
        RegularGrid g = new RegularGrid(25, 20, 1, 5e-9, 5e-9, 4e-9);
        List<Integer> cells = new ArrayList<>();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 25; x++) {
                double dx = x - 12, dy = (y - 9.5) * 1.2;
                if (dx * dx + dy * dy <= 110) {
                    cells.add(y * 25 + x);
                }
            }
        }
        int[] c = cells.stream().mapToInt(Integer::intValue).toArray();
        FftDemag cpu = new FftDemag(g, c, POOL);
        assertEquals(50, cpu.paddedSize()[0]);
        assertMatches("disc of " + c.length + " cells", cpu, OpenClForTests.cpuDevice());
        assertMatches("disc, Java threads", cpu, JavaDevice.THREAD_POOL);
    }

    @Test
    void theKernelsBuffersAreCountedAndAKernelLargerThanTheDeviceIsRefused() {
        FftDemag cpu = new FftDemag(new RegularGrid(21, 9, 1, 4e-9, 5e-9, 3e-9), POOL);
        GridDemagKernelF k = new GridDemagKernelF(cpu, null);
        long grids = 2L * 7 * 42 * 18 * 2 * 4;
        assertTrue(k.deviceBytes() >= grids && k.deviceBytes() < grids + 20_000, "bytes " + k.deviceBytes());
        com.aparapi.device.OpenCLDevice d = OpenClForTests.cpuDevice();
        GpuDevices.requireMemory(d, k.deviceBytes(), "the demag kernel");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpuDevices.requireMemory(d, 2 * d.getGlobalMemSize(), "the demag kernel"));
        assertTrue(e.getMessage().contains("needs") && e.getMessage().contains("gpu: off"), e.getMessage());
        GpuDevices.requireMemory(JavaDevice.THREAD_POOL, Long.MAX_VALUE, "the Java threads are not checked");
        k.dispose();
    }

    @Test
    void aGridOfTwoLayersIsNotTaken() {
        FftDemag two = new FftDemag(new RegularGrid(6, 4, 2, 5e-9, 5e-9, 3e-9), POOL);
        assertFalse(GpuGridDemag.supports(two));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GridDemagKernelF(two, null));
        assertTrue(e.getMessage().contains("one layer"), e.getMessage());
    }
}
