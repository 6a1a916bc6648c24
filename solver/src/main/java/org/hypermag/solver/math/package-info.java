/** Small numerical building blocks (quadrature rules). */
package org.hypermag.solver.math;
