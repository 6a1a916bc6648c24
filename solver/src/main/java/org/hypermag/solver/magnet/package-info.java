/** The magnetic system: domains, regions and their materials (SI units). */
package org.hypermag.solver.magnet;
