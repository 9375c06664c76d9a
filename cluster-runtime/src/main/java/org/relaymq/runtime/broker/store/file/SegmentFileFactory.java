package org.relaymq.runtime.broker.store.file;

import java.io.IOException;
import java.nio.file.Path;

/** Opens (creating when missing) a {@link SegmentFile} of a given capacity. */
@FunctionalInterface
public interface SegmentFileFactory {

    SegmentFile open(Path path, int capacity) throws IOException;

    /** Memory-mapped files, preallocated to their capacity. */
    static SegmentFileFactory mapped() {
        return MappedSegmentFile::open;
    }

    /** Plain FileChannel files that grow as they are written. */
    static SegmentFileFactory channel() {
        return ChannelSegmentFile::open;
    }
}
