/** Allocation-free parallel loops over index ranges, shared by the CPU field kernels. */
package org.hypermag.solver.parallel;
