/** JMH benchmarks; results and commands are recorded in docs/benchmarks.md. */
package org.hypermag.benchmarks;
