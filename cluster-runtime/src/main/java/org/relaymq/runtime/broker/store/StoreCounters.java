package org.relaymq.runtime.broker.store;

import java.util.concurrent.atomic.LongAdder;

/** Put/get counters behind {@link StoreStats}. */
final class StoreCounters {

    private final LongAdder putMessages = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private final LongAdder putFailures = new LongAdder();
    private final LongAdder getRequests = new LongAdder();
    private final LongAdder getFound = new LongAdder();
    private final LongAdder getBytes = new LongAdder();

    void put(int messages, long bytes) {
        putMessages.add(messages);
        putBytes.add(bytes);
    }

    void putFailed() {
        putFailures.increment();
    }

    void get(int messages, long bytes) {
        getRequests.increment();
        getFound.add(messages);
        getBytes.add(bytes);
    }

    StoreStats snapshot(long min, long max, long flushed, long dispatched, int topics, int queues, DiskUsage disk) {
        return new StoreStats(putMessages.sum(), putBytes.sum(), putFailures.sum(), getRequests.sum(),
                getFound.sum(), getBytes.sum(), min, max, flushed, dispatched, topics, queues, disk);
    }
}
