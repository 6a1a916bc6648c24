/**
 * The additive hypernetwork surrogate of the demagnetising field: each source maps to a coefficient vector, the
 * vectors are summed, and a shared basis turns the sum into the scalar potential and its analytic gradient anywhere.
 *
 * <p>{@link org.hypermag.surrogate.FarFieldModel} and {@link org.hypermag.surrogate.FarFieldSurrogate} are the
 * simulator's default: a harmonic basis fitted to the exact kernel on the far zone only, plus the exact near field
 * (docs/surrogate.md). Lengths in m, magnetisation and fields in A/m.
 */
package org.hypermag.surrogate;
