/**
 * The far-field surrogate on OpenCL devices with Aparapi: {@link org.hypermag.surrogate.gpu.GpuFarFieldSurrogate}
 * evaluates the same field as a {@link org.hypermag.surrogate.FarFieldSurrogate} (its CPU reference) with the
 * four-pass kernel {@link org.hypermag.surrogate.gpu.SurrogateKernelF} (sum the sources' coefficients, reduce,
 * evaluate the basis and its gradient at the targets, add the sparse exact near correction) or its generated double
 * version. See docs/gpu.md.
 */
package org.hypermag.surrogate.gpu;
