/** Built-in scenarios, defined in code (the default of ./hypermag run). */
package org.hypermag.scenarios.builtin;
