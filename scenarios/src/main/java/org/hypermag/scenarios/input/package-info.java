/** Reading user input files (CSV tables of sources and points) with errors that point at file, line and column. */
package org.hypermag.scenarios.input;
