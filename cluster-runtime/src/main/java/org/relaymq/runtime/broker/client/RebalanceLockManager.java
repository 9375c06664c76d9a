package org.relaymq.runtime.broker.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.relaymq.protocol.body.MessageQueue;

/**
 * Queue locks of orderly consumers (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ). A queue is granted to a client
 * when it is unlocked, already held by that client (the lock is refreshed), or its lock was not
 * refreshed for longer than {@code maxLiveTime} (60 s by default). Time is passed in (monotonic millis).
 */
public final class RebalanceLockManager {

    private record Lock(String clientId, long lastUpdateMillis) {
    }

    private final long maxLiveMillis;
    private final Map<String, Map<MessageQueue, Lock>> groups = new HashMap<>();

    public RebalanceLockManager(Duration maxLiveTime) {
        this.maxLiveMillis = maxLiveTime.toMillis();
    }

    /** Locks what can be locked for {@code clientId}; returns the queues it now holds among {@code mqs}. */
    public synchronized Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> mqs, String clientId,
                                                       long nowMillis) {
        Map<MessageQueue, Lock> locks = groups.computeIfAbsent(group, g -> new HashMap<>());
        Set<MessageQueue> granted = new LinkedHashSet<>();
        for (MessageQueue mq : mqs) {
            Lock current = locks.get(mq);
            if (current == null || current.clientId.equals(clientId) || expired(current, nowMillis)) {
                locks.put(mq, new Lock(clientId, nowMillis));
                granted.add(mq);
            }
        }
        return granted;
    }

    /** Releases the queues {@code clientId} holds; locks of other clients stay. */
    public synchronized void unlockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        Map<MessageQueue, Lock> locks = groups.get(group);
        if (locks == null) {
            return;
        }
        for (MessageQueue mq : mqs) {
            Lock current = locks.get(mq);
            if (current != null && current.clientId.equals(clientId)) {
                locks.remove(mq);
            }
        }
        if (locks.isEmpty()) {
            groups.remove(group);
        }
    }

    /** True when {@code clientId} holds an unexpired lock on {@code mq}. */
    public synchronized boolean isLockedBy(String group, MessageQueue mq, String clientId, long nowMillis) {
        Map<MessageQueue, Lock> locks = groups.get(group);
        Lock current = locks == null ? null : locks.get(mq);
        return current != null && current.clientId.equals(clientId) && !expired(current, nowMillis);
    }

    private boolean expired(Lock lock, long nowMillis) {
        return nowMillis - lock.lastUpdateMillis > maxLiveMillis;
    }
}
