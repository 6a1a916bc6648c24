/** The command-line interface ({@code ./hypermag}); sits on top of every other module. */
package org.hypermag.cli;
