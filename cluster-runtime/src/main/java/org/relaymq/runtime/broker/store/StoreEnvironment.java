package org.relaymq.runtime.broker.store;

import java.util.Objects;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What a store needs from outside: the clock (store timestamps, retention), a scheduler for the periodic
 * flush and cleanup (give the store its own ExecutorScheduler in production: flush tasks do disk I/O),
 * the disk-usage probe and the file implementation.
 *
 * @param files null: memory-mapped or FileChannel per {@link MessageStoreConfig#memoryMapped()}
 */
public record StoreEnvironment(TimeSource time, Scheduler scheduler, DiskUsageSource diskUsage,
                               SegmentFileFactory files) {

    public StoreEnvironment {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(scheduler, "scheduler");
        diskUsage = diskUsage == null ? DiskUsageSource.fileSystem() : diskUsage;
    }

    public static StoreEnvironment of(TimeSource time, Scheduler scheduler) {
        return new StoreEnvironment(time, scheduler, null, null);
    }

    public StoreEnvironment withDiskUsage(DiskUsageSource source) {
        return new StoreEnvironment(time, scheduler, source, files);
    }

    public StoreEnvironment withFiles(SegmentFileFactory factory) {
        return new StoreEnvironment(time, scheduler, diskUsage, factory);
    }

    SegmentFileFactory filesFor(MessageStoreConfig config) {
        if (files != null) {
            return files;
        }
        return config.memoryMapped() ? SegmentFileFactory.mapped() : SegmentFileFactory.channel();
    }
}
