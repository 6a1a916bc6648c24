/**
 * The paper's own 2-D protocol (issue 20), as the authors' public code runs it: uniformly magnetised discs
 * ({@link org.hypermag.surrogate.paper2d.Discs}), the code's and Eq. 10's error measures
 * ({@link org.hypermag.surrogate.paper2d.Metrics2d}), LINEAR ({@link org.hypermag.surrogate.paper2d.Linear2d}) and
 * the report beside Table 2 ({@link org.hypermag.surrogate.paper2d.Protocol2d}). Unlike
 * {@link org.hypermag.surrogate.paper} (this project's thin-film extension), nothing here is a prism.
 */
package org.hypermag.surrogate.paper2d;
