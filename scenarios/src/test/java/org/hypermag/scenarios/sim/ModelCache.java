package org.hypermag.scenarios.sim;

import java.nio.file.Path;

/** Points the far-field model cache ({@code hypermag.cache}) at a test's own directory, and back. */
final class ModelCache {
    private ModelCache() {
    }

    /**
     * @param dir the test's directory; the cache goes to {@code dir/cache}
     * @return the previous setting, for {@link #restore}
     */
    static String isolate(Path dir) {
        String previous = System.getProperty("hypermag.cache");
        System.setProperty("hypermag.cache", dir.resolve("cache").toString());
        return previous;
    }

    /** @param previous what {@link #isolate} returned */
    static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("hypermag.cache");
        } else {
            System.setProperty("hypermag.cache", previous);
        }
    }
}
