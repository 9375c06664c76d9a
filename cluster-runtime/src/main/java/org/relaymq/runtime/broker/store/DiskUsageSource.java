package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Measures the used fraction of the filesystem holding a path; injectable so tests can fill the disk. */
@FunctionalInterface
public interface DiskUsageSource {

    /** used / total in 0..1; -1 when it cannot be measured. */
    double usedRatio(Path path);

    /** The real filesystem, via {@link FileStore}. */
    static DiskUsageSource fileSystem() {
        return path -> {
            try {
                FileStore store = Files.getFileStore(path);
                long total = store.getTotalSpace();
                return total <= 0 ? -1 : (double) (total - store.getUsableSpace()) / total;
            } catch (IOException e) {
                return -1;
            }
        };
    }
}
