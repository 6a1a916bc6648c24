/**
 * Effective-field terms, one small class each, adding their field (A/m) into a caller-owned buffer and reporting
 * their energy (J): exchange, uniaxial and cubic anisotropy, Zeeman, demag.
 */
package org.hypermag.solver.field;
