/**
 * The bottom of hypermag: data types shared by every other module.
 *
 * <p>Units are SI throughout: lengths in m, magnetisation and fields in A/m, energies in J, times in s.
 */
package org.hypermag.solver;
