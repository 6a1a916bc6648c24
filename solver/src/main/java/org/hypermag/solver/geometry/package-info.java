/** Domains as axis-aligned rectangular prisms: arbitrary collections and regular grids. Lengths in m. */
package org.hypermag.solver.geometry;
