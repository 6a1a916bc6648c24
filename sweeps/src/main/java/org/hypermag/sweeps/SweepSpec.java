package org.hypermag.sweeps;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep file, read and checked ({@link SweepFile}): the base scenario and the keys to vary (docs/sweeps.md).
 *
 * @param file the sweep file
 * @param name the sweep's name (the file's stem unless given)
 * @param baseSource the base scenario as named in messages (its file, or a shipped scenario's name)
 * @param baseText the base scenario's text
 * @param baseDir the directory the base scenario's relative paths resolve against
 * @param axes what varies, in the file's order
 * @param zip whether the axes are zipped (equal lengths) rather than combined as a product
 * @param retries extra attempts of a variant that fails (0 to 10)
 * @param threads CPU threads per variant (each variant's compute.threads), ≥ 1
 * @param master the Spark master URL from the file (null: local[*] unless --master)
 * @param conf further Spark settings, as given
 * @param line line of {@code base:} in the sweep file, for problems of the base itself
 */
record SweepSpec(Path file, String name, String baseSource, String baseText, Path baseDir, List<Axis> axes,
                 boolean zip, int retries, int threads, String master, Map<String, String> conf, int line) {

    /**
     * One varied key.
     *
     * @param index its position in {@code vary}
     * @param path the key path
     * @param values its values (loaded YAML: Integer, Long, Double, Boolean, String, List, Map)
     * @param labels each value as text, for file names, tables and plots
     * @param line line of the entry in the sweep file
     * @param column its column
     */
    record Axis(int index, KeyPath path, List<Object> values, List<String> labels, int line, int column) {
    }

    /** @return how many variants the axes make */
    long variantCount() {
        if (zip) {
            return axes.isEmpty() ? 0 : axes.get(0).values().size();
        }
        long n = 1;
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }
}
