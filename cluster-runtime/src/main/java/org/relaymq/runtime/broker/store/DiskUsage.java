package org.relaymq.runtime.broker.store;

import java.nio.file.Path;

/**
 * Filesystem usage of the store's root as last measured.
 *
 * @param usedRatio used / total of the filesystem, 0..1 (-1 when unknown)
 * @param limit     {@code diskMaxUsedRatio}
 */
public record DiskUsage(Path path, double usedRatio, double limit) {

    /** True when puts are refused. */
    public boolean isFull() {
        return usedRatio > limit;
    }

    /** "disk full: /path is 93% used (limit 90%)". */
    public String reason() {
        return "disk full: " + path + " is " + percent(usedRatio) + "% used (limit " + percent(limit) + "%)";
    }

    private static long percent(double ratio) {
        return Math.round(ratio * 100);
    }
}
