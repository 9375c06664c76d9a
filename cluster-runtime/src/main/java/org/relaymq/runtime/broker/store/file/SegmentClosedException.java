package org.relaymq.runtime.broker.store.file;

import java.nio.file.Path;

/**
 * A read or write reached a {@link SegmentFile} after it was closed or deleted (retention, topic deletion,
 * truncation, shutdown): for readers the bytes are simply no longer available.
 */
public final class SegmentClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SegmentClosedException(Path path) {
        super("segment file closed: " + path);
    }
}
