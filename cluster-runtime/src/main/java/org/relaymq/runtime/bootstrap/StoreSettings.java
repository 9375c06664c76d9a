package org.relaymq.runtime.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.relaymq.runtime.broker.store.FlushDiskType;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import picocli.CommandLine;

/** The message-store keys of a RocketMQ {@code broker.conf}, applied over the store defaults. */
final class StoreSettings {

    static final Set<String> KEYS = Set.of("mappedFileSizeCommitLog", "mapedFileSizeCommitLog",
            "mappedFileSizeConsumeQueue", "fileReservedTime", "deleteWhen", "diskMaxUsedSpaceRatio",
            "maxMessageSize", "flushIntervalCommitLog", "syncFlushTimeout");

    private StoreSettings() {
    }

    static MessageStoreConfig read(ConfigFile file, Path root, String flushDiskType, CommandLine cl) {
        MessageStoreConfig c = MessageStoreConfig.defaults(root);
        Integer segment = firstInt(file, cl, "mappedFileSizeCommitLog", "mapedFileSizeCommitLog");
        Integer cqBytes = file.getInt("mappedFileSizeConsumeQueue", cl);
        if (segment != null || cqBytes != null) {
            c = c.withSegmentSizes(segment != null ? segment : c.commitLogSegmentSize(),
                    cqBytes != null ? Math.max(1, cqBytes / 20) : c.consumeQueueEntriesPerFile());
        }
        Integer flushMs = file.getInt("flushIntervalCommitLog", cl);
        Integer syncMs = file.getInt("syncFlushTimeout", cl);
        c = c.withFlush(FlushDiskType.valueOf(flushDiskType),
                flushMs != null ? Duration.ofMillis(flushMs) : c.flushIntervalCommitLog(),
                syncMs != null ? Duration.ofMillis(syncMs) : c.syncFlushTimeout());
        Integer reservedHours = file.getInt("fileReservedTime", cl);
        String deleteWhen = file.get("deleteWhen");
        if (reservedHours != null || deleteWhen != null) {
            c = c.withRetention(reservedHours != null ? Duration.ofHours(reservedHours) : c.fileReservedTime(),
                    deleteWhen != null ? deleteWhen : c.deleteWhen());
        }
        Integer maxSize = file.getInt("maxMessageSize", cl);
        if (maxSize != null) {
            c = c.withMaxMessageSize(maxSize);
        }
        Integer diskRatio = file.getInt("diskMaxUsedSpaceRatio", cl);
        if (diskRatio != null) {
            c = c.withDiskMaxUsedRatio(diskRatio / 100.0);
        }
        return c;
    }

    private static Integer firstInt(ConfigFile file, CommandLine cl, String... keys) {
        for (String k : keys) {
            Integer v = file.getInt(k, cl);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
