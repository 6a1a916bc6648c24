/**
 * The demagnetising field on OpenCL devices with Aparapi: device choice ({@link org.hypermag.solver.gpu.GpuDevices},
 * {@link org.hypermag.solver.gpu.GpuMode}), the check that a kernel really ran where intended
 * ({@link org.hypermag.solver.gpu.KernelPlacement}), and the exact direct sum
 * ({@link org.hypermag.solver.gpu.GpuDirectSum}, kernels {@link org.hypermag.solver.gpu.DirectSumKernelF} and the
 * generated double version).
 *
 * <p>Kernel code (inside {@code run()} and the private methods it calls) follows Aparapi's rules: primitive arrays
 * and int/float/double scalars only, no objects, lambdas, interface calls, switch or throw. Every kernel class runs
 * three ways: OpenCL on a GPU, OpenCL on the CPU (PoCL; the tests), and the Java thread pool. Compile with debug
 * information (Maven's default): Aparapi needs it. See docs/gpu.md.
 */
package org.hypermag.solver.gpu;
