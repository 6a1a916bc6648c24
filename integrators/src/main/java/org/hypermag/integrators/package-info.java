/**
 * Time integration of the LLG equation (Runge–Kutta tableaus with one stepping loop, Dormand–Prince 5(4) adaptive
 * by default), energy minimisation (Barzilai–Borwein), and adapters to Hipparchus integrators for reference runs.
 */
package org.hypermag.integrators;
