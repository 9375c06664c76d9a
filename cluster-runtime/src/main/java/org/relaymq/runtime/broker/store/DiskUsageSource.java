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

    /** The real filesystem, via {@link FileStore} (looked up once per path: the lookup reads the mount table). */
    static DiskUsageSource fileSystem() {
        return new DiskUsageSource() {
            private Path lastPath;
            private FileStore lastStore;

            @Override
            public synchronized double usedRatio(Path path) {
                try {
                    if (!path.equals(lastPath)) {
                        lastStore = Files.getFileStore(path);
                        lastPath = path;
                    }
                    long total = lastStore.getTotalSpace();
                    return total <= 0 ? -1 : (double) (total - lastStore.getUsableSpace()) / total;
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }
}
