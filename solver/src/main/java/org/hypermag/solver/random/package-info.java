/**
 * Counter-based random numbers: {@link org.hypermag.solver.random.Philox} (Philox4x32-10) and the standard normal
 * variates drawn from it, so that a random number depends only on (seed, stream, index, counter) and not on the
 * order of drawing, the thread that draws it, or the device.
 */
package org.hypermag.solver.random;
