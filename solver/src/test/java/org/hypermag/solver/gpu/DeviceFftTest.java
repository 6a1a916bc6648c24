package org.hypermag.solver.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The device FFT ({@link FftKernelF}, {@link FftKernelD}) in OpenCL on the CPU (PoCL): against a direct double DFT on
 * grids whose sides have every radix (2, 3, 4, 5), forward and inverse; double within 1e-12 of the largest
 * coefficient, float within 2e-6 (log₂ of the size times float rounding, with margin).
 */
class DeviceFftTest {
    private static double[] dft(double[] in, int nfx, int nfy, int g, double sign) {
        double[] out = new double[2 * nfx * nfy];
        int o = 2 * g * nfx * nfy;
        for (int q = 0; q < nfy; q++) {
            for (int p = 0; p < nfx; p++) {
                double re = 0, im = 0;
                for (int r = 0; r < nfy; r++) {
                    for (int c = 0; c < nfx; c++) {
                        double a = sign * 2 * Math.PI * ((double) p * c / nfx + (double) q * r / nfy);
                        double xr = in[o + 2 * (r * nfx + c)], xi = in[o + 2 * (r * nfx + c) + 1];
                        re += xr * Math.cos(a) - xi * Math.sin(a);
                        im += xr * Math.sin(a) + xi * Math.cos(a);
                    }
                }
                out[2 * (q * nfx + p)] = re;
                out[2 * (q * nfx + p) + 1] = im;
            }
        }
        return out;
    }

    @Test
    void deviceFftOfEveryRadixEqualsTheDirectTransformInOpenCl() {
        Device d = OpenClForTests.cpuDevice();
        int[][] sizes = {{12, 30}, {40, 9}, {16, 25}, {1, 8}};
        for (int[] s : sizes) {
            for (boolean forward : new boolean[] {true, false}) {
                int nfx = s[0], nfy = s[1], grids = 2;
                Random rnd = new Random(nfx * 31L + nfy);
                double[] in = new double[2 * grids * nfx * nfy];
                for (int k = 0; k < in.length; k++) {
                    in[k] = 2 * rnd.nextDouble() - 1;
                }
                FftTestKernelD kd = new FftTestKernelD(nfx, nfy, grids);
                FftTestKernelF kf = new FftTestKernelF(nfx, nfy, grids);
                KernelPlacement pd = KernelPlacement.bind(kd, d, m -> { });
                KernelPlacement pf = KernelPlacement.bind(kf, d, m -> { });
                System.arraycopy(in, 0, kd.grid(), 0, in.length);
                for (int k = 0; k < in.length; k++) {
                    kf.grid()[k] = (float) in[k];
                }
                kd.put(kd.grid()).put(kd.roots);
                kf.put(kf.grid()).put(kf.roots);
                int hd = kd.transform(forward), hf = kf.transform(forward);
                kd.get(kd.grid());
                kf.get(kf.grid());
                assertTrue(kd.isRunningCL() && kf.isRunningCL() && pd.onIntendedDevice() && pf.onIntendedDevice(),
                        "ran in OpenCL");
                for (int g = 0; g < grids; g++) {
                    double[] want = dft(in, nfx, nfy, g, forward ? -1 : 1);
                    double errD = 0, errF = 0, scale = 0;
                    for (int k = 0; k < want.length; k++) {
                        int at = hd * kd.halfSize() + 2 * g * nfx * nfy + k;
                        int af = hf * kf.halfSize() + 2 * g * nfx * nfy + k;
                        errD = Math.max(errD, Math.abs(kd.grid()[at] - want[k]));
                        errF = Math.max(errF, Math.abs(kf.grid()[af] - want[k]));
                        scale = Math.max(scale, Math.abs(want[k]));
                    }
                    String what = nfx + " x " + nfy + (forward ? " forward" : " inverse") + ", grid " + g;
                    assertTrue(errD <= 1e-12 * scale, what + ", double: " + errD / scale);
                    assertTrue(errF <= 2e-6 * scale, what + ", float: " + errF / scale);
                }
                kd.dispose();
                kf.dispose();
            }
        }
    }

    @Test
    void lengthsWithOtherPrimeFactorsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FftKernelF.radices(14));
        assertTrue(e.getMessage().contains("2, 3 and 5"), e.getMessage());
        assertEquals(List.of(4, 4, 2, 3, 5), box(FftKernelF.radices(480)));
    }

    private static List<Integer> box(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

}
