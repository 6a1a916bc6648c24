/**
 * The exact demagnetising (stray) field of uniformly magnetised rectangular prisms.
 *
 * <p>Which tensor is used where:
 * <ul>
 *   <li>Arbitrary collections of prisms and arbitrary evaluation points: the point-evaluated tensor
 *   ({@link org.hypermag.solver.demag.PrismTensor}); for the dynamics, at each domain's centre.</li>
 *   <li>Cells of a regular grid: the cell-averaged tensor ({@link org.hypermag.solver.demag.NewellTensor}), as in
 *   OOMMF and mumax3: the field averaged over the target cell.</li>
 * </ul>
 * The field is H = −Σ_j N(r − r_j; size_j)·M_j, in A/m for M in A/m.
 */
package org.hypermag.solver.demag;
