package org.relaymq.runtime.client.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ReceivedMessage;

/**
 * The messages of one owned queue between pull and consumption, ordered by queue offset. The offset to
 * commit is the smallest offset still in flight, or one past the largest seen when nothing is.
 */
final class ProcessQueue {

    private final MessageQueue mq;
    private final TreeMap<Long, ReceivedMessage> msgs = new TreeMap<>();
    private final TreeMap<Long, ReceivedMessage> consuming = new TreeMap<>();
    private final ReentrantLock consumeLock = new ReentrantLock();
    private long maxOffset = -1;
    private volatile boolean dropped;
    private volatile boolean locked;
    private volatile long lastLockMillis;

    ProcessQueue(MessageQueue mq) {
        this.mq = mq;
    }

    MessageQueue queue() {
        return mq;
    }

    ReentrantLock consumeLock() {
        return consumeLock;
    }

    synchronized void put(List<ReceivedMessage> batch) {
        for (ReceivedMessage m : batch) {
            msgs.put(m.queueOffset(), m);
            maxOffset = Math.max(maxOffset, m.queueOffset());
        }
    }

    synchronized int size() {
        return msgs.size() + consuming.size();
    }

    /** Removes consumed messages; returns the offset to commit, or -1 when nothing was ever put. */
    synchronized long remove(List<ReceivedMessage> done) {
        done.forEach(m -> msgs.remove(m.queueOffset()));
        if (maxOffset < 0) {
            return -1;
        }
        return msgs.isEmpty() ? maxOffset + 1 : msgs.firstKey();
    }

    /** Orderly: the next {@code n} messages in offset order, kept aside until commit or rollback. */
    synchronized List<ReceivedMessage> take(int n) {
        List<ReceivedMessage> out = new ArrayList<>();
        while (out.size() < n && !msgs.isEmpty()) {
            var e = msgs.pollFirstEntry();
            consuming.put(e.getKey(), e.getValue());
            out.add(e.getValue());
        }
        return out;
    }

    /** Orderly: the taken messages are done; returns the offset to commit. */
    synchronized long commit() {
        long next = consuming.isEmpty() ? -1 : consuming.lastKey() + 1;
        consuming.clear();
        return next;
    }

    /** Orderly: the taken messages go back to be consumed again. */
    synchronized void rollback() {
        msgs.putAll(consuming);
        consuming.clear();
    }

    synchronized void clear() {
        msgs.clear();
        consuming.clear();
    }

    boolean dropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
    }

    boolean locked() {
        return locked;
    }

    void locked(boolean value, long nowMillis) {
        locked = value;
        if (value) {
            lastLockMillis = nowMillis;
        }
    }

    boolean lockExpired(long nowMillis, long expiryMillis) {
        return nowMillis - lastLockMillis > expiryMillis;
    }
}
