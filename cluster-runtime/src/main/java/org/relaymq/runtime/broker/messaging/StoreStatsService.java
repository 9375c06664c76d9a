package org.relaymq.runtime.broker.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.broker.store.StoreStats;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Samples the store's counters every interval (1 s): publishes a STORE_STATS event (put/get per second,
 * totals, offsets, disk) and keeps ten minutes of samples for the TPS figures and the "today morning"
 * totals of GET_BROKER_RUNTIME_INFO.
 */
public final class StoreStatsService implements AutoCloseable {

    /** Counters at one instant (monotonic millis). */
    record Sample(long atMillis, long putMessages, long getFound, long getRequests, long putBytes) {
    }

    /** What the runtime-info table needs. */
    record Totals(long putTodayMorning, long putYesterdayMorning, long getTodayMorning, long getYesterdayMorning) {
    }

    private static final long HISTORY_MILLIS = 600_000;

    private final MessageStore store;
    private final EventSink events;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final Duration interval;
    private final ZoneId zone;
    private final Deque<Sample> history = new ArrayDeque<>();
    private LocalDate day;
    private Totals totals = new Totals(0, 0, 0, 0);
    private volatile Scheduler.Cancellable timer;

    public StoreStatsService(MessageStore store, EventSink events, Scheduler scheduler, TimeSource time,
                             Duration interval, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.time = Objects.requireNonNull(time, "time");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public StoreStatsService start() {
        sample();
        timer = scheduler.scheduleWithFixedDelay(this::sample, interval, interval);
        return this;
    }

    /** Takes one sample and publishes STORE_STATS (the timer calls it; tests may too). */
    public synchronized void sample() {
        StoreStats s = store.stats();
        Sample now = new Sample(time.monotonicMillis(), s.putMessages(), s.getMessagesFound(), s.getRequests(),
                s.putBytes());
        Sample previous = history.peekLast();
        history.addLast(now);
        while (history.size() > 2 && now.atMillis() - history.peekFirst().atMillis() > HISTORY_MILLIS) {
            history.removeFirst();
        }
        rollDay(now);
        events.publish(EventKind.STORE_STATS, event(s, previous, now));
    }

    private void rollDay(Sample now) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(time.wallMillis()), zone);
        if (day == null) {
            day = today;
        } else if (!today.equals(day)) {
            totals = new Totals(now.putMessages(), totals.putTodayMorning(), now.getFound(), totals.getTodayMorning());
            day = today;
        }
    }

    private static com.google.gson.JsonObject event(StoreStats s, Sample previous, Sample now) {
        double seconds = previous == null ? 0 : Math.max(1, now.atMillis() - previous.atMillis()) / 1000.0;
        return EventData.create()
                .put("putPerSecond", rate(previous == null ? 0 : now.putMessages() - previous.putMessages(), seconds))
                .put("getPerSecond", rate(previous == null ? 0 : now.getFound() - previous.getFound(), seconds))
                .put("getRequestsPerSecond", rate(previous == null ? 0 : now.getRequests() - previous.getRequests(),
                        seconds))
                .put("putBytesPerSecond", rate(previous == null ? 0 : now.putBytes() - previous.putBytes(), seconds))
                .put("putMessages", s.putMessages())
                .put("putFailures", s.putFailures())
                .put("getMessagesFound", s.getMessagesFound())
                .put("commitLogMinOffset", s.commitLogMinOffset())
                .put("commitLogMaxOffset", s.commitLogMaxOffset())
                .put("flushedOffset", s.flushedOffset())
                .put("dispatchedOffset", s.dispatchedOffset())
                .put("topicCount", s.topicCount())
                .put("consumeQueueCount", s.consumeQueueCount())
                .put("diskUsedRatio", s.diskUsage() == null ? -1 : s.diskUsage().usedRatio())
                .build();
    }

    private static double rate(long delta, double seconds) {
        return seconds <= 0 ? 0 : Math.round(delta / seconds * 100) / 100.0;
    }

    /** Messages put per second over the last {@code windowMillis} (as far as the history reaches). */
    public synchronized double putTps(long windowMillis) {
        return tps(windowMillis, true);
    }

    /** Messages found by pulls per second over the last {@code windowMillis}. */
    public synchronized double getTps(long windowMillis) {
        return tps(windowMillis, false);
    }

    private double tps(long windowMillis, boolean put) {
        Sample last = history.peekLast();
        if (last == null) {
            return 0;
        }
        Sample first = last;
        for (Sample s : history) {
            if (last.atMillis() - s.atMillis() <= windowMillis) {
                first = s;
                break;
            }
        }
        long dt = last.atMillis() - first.atMillis();
        long delta = put ? last.putMessages() - first.putMessages() : last.getFound() - first.getFound();
        return dt <= 0 ? 0 : delta * 1000.0 / dt;
    }

    synchronized Totals totals() {
        return totals;
    }

    @Override
    public void close() {
        Scheduler.Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
    }
}
