/** The equation of motion: the LLG right-hand side the integrators advance. */
package org.hypermag.solver.llg;
