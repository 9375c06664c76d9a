package org.relaymq.runtime.broker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling (protocol.md §8.2 step 6): pulls that found nothing are held per (topic, queueId) and
 * re-executed without suspension, on the given executor, when a matching message arrives (store arrival
 * listener), when their hold time ends (one scheduler timer each) or, as a safety net, when the periodic
 * sweep sees the queue grew. Held pulls of closed connections are dropped. Answers go out through
 * {@link RequestContext#respond}.
 */
public final class LongPollingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LongPollingService.class);

    private record QueueKey(String topic, int queueId) {
    }

    private final class HeldPull {
        final RequestContext rc;
        final QueueKey key;
        final long offset;
        final MessageFilter filter;
        final Supplier<RemotingCommand> reExecute;
        final AtomicBoolean done = new AtomicBoolean();
        volatile Scheduler.Cancellable timer;

        HeldPull(RequestContext rc, QueueKey key, long offset, MessageFilter filter,
                 Supplier<RemotingCommand> reExecute) {
            this.rc = rc;
            this.key = key;
            this.offset = offset;
            this.filter = filter;
            this.reExecute = reExecute;
        }
    }

    private final MessageStore store;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Duration sweepInterval;
    private final Map<QueueKey, Set<HeldPull>> held = new ConcurrentHashMap<>();
    private volatile Scheduler.Cancellable sweep;
    private volatile boolean closed;

    /**
     * @param executor where held pulls are re-executed (reads from the store); its rejections answer SYSTEM_BUSY
     */
    public LongPollingService(MessageStore store, Scheduler scheduler, Executor executor, Duration sweepInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
    }

    /** Listens for arrivals and starts the periodic sweep. */
    public LongPollingService start() {
        store.onArrival((topic, queueId, maxOffset, tagsCode, storeTimestamp) ->
                onArrival(topic, queueId, maxOffset, tagsCode));
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, sweepInterval, sweepInterval);
        return this;
    }

    /**
     * Holds a pull that found nothing at {@code offset}; {@code reExecute} produces its answer later. If the
     * queue already grew past {@code offset} (a message raced the hold) it is re-executed at once.
     */
    void hold(RequestContext rc, String topic, int queueId, long offset, MessageFilter filter, long holdMillis,
              Supplier<RemotingCommand> reExecute) {
        HeldPull pull = new HeldPull(rc, new QueueKey(topic, queueId), offset, filter, reExecute);
        held.computeIfAbsent(pull.key, k -> ConcurrentHashMap.newKeySet()).add(pull);
        pull.timer = scheduler.schedule(() -> wake(pull), Duration.ofMillis(holdMillis));
        if (closed || store.maxOffsetInQueue(topic, queueId) > offset) {
            wake(pull);
        }
    }

    void onArrival(String topic, int queueId, long maxOffset, long tagsCode) {
        Set<HeldPull> pulls = held.get(new QueueKey(topic, queueId));
        if (pulls == null || pulls.isEmpty()) {
            return;
        }
        for (HeldPull p : pulls) {
            if (maxOffset > p.offset && p.filter.matchesTagsCode(tagsCode)) {
                wake(p);
            }
        }
    }

    /** Drops held pulls of closed connections and wakes those whose queue grew (match or not). */
    public void sweep() {
        for (Set<HeldPull> pulls : held.values()) {
            for (HeldPull p : pulls) {
                if (!p.rc.isActive()) {
                    drop(p);
                } else if (store.maxOffsetInQueue(p.key.topic(), p.key.queueId()) > p.offset) {
                    wake(p);
                }
            }
        }
        held.values().removeIf(Set::isEmpty);
    }

    /** Pulls held right now. */
    public int heldCount() {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    private boolean claim(HeldPull p) {
        if (!p.done.compareAndSet(false, true)) {
            return false;
        }
        Set<HeldPull> pulls = held.get(p.key);
        if (pulls != null) {
            pulls.remove(p);
        }
        Scheduler.Cancellable timer = p.timer;
        if (timer != null) {
            timer.cancel();
        }
        return true;
    }

    private void drop(HeldPull p) {
        if (claim(p)) {
            LOG.debug("dropping held pull of closed connection {}", p.rc.remoteAddress());
        }
    }

    private void wake(HeldPull p) {
        if (!claim(p)) {
            return;
        }
        try {
            executor.execute(() -> answer(p));
        } catch (RejectedExecutionException e) {
            p.rc.respond(RemotingCommand.responseTo(p.rc.request(), ResponseCode.SYSTEM_BUSY,
                    "[OVERLOAD]system busy, start flow control for a while"));
        }
    }

    private void answer(HeldPull p) {
        if (!p.rc.isActive()) {
            return;
        }
        RemotingCommand request = p.rc.request();
        try {
            p.rc.respond(p.reExecute.get());
        } catch (ProtocolException e) {
            p.rc.respond(RemotingCommand.responseTo(request, e.responseCode(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("re-executing held pull opaque={} from {} failed", request.opaque(), p.rc.remoteAddress(), e);
            p.rc.respond(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.toString()));
        }
    }

    /** Stops the sweep and the timers; held pulls are answered by re-execution (what they would get now). */
    @Override
    public void close() {
        closed = true;
        Scheduler.Cancellable s = sweep;
        if (s != null) {
            s.cancel();
        }
        List<HeldPull> all = held.values().stream().flatMap(Set::stream).toList();
        all.forEach(this::wake);
        held.clear();
    }
}
