/** Output: text tables and (later) HDF5 files. Depends only on the solver's data types. */
package org.hypermag.output;
