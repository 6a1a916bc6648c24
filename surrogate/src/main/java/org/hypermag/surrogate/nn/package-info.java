/**
 * A small dense neural-network library for the paper models: {@link org.hypermag.surrogate.nn.Mlp} (flat parameter
 * arrays, forward tangents with respect to inputs, exact reverse-mode gradients of losses on values and tangents),
 * {@link org.hypermag.surrogate.nn.Activation}, {@link org.hypermag.surrogate.nn.Adam} and the minibatch
 * {@link org.hypermag.surrogate.nn.Trainer} with a step-wise schedule and early stopping.
 *
 * <p>Everything works on primitive {@code double[]} arrays; per-thread workspaces are allocated once, so the hot
 * loops allocate nothing. Units are whatever the caller's data use.
 */
package org.hypermag.surrogate.nn;
