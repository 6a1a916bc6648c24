/** Running simulations: stages of relaxation and time evolution on a magnet, with table output. */
package org.hypermag.scenarios.sim;
