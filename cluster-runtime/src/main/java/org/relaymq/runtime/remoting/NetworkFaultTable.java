package org.relaymq.runtime.remoting;

import com.google.gson.JsonObject;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

/**
 * The network faults of one node (ARCHITECTURE.md §6: partition and delay), shared by every connection the
 * node opened: each of its {@link NettyRemotingClient}s (and the slave's HA link) puts a {@link FaultHandler}
 * in the pipeline that looks the current rules up on every frame. The rules are an immutable snapshot
 * swapped atomically by {@link #replace}, so a change reaches open connections with the next frame. Counts
 * the frames dropped and delayed and the connections it watches. One instance per node, never static.
 *
 * <p>(Not to be confused with {@code client.api.FaultTable}, the producer's latency fault tolerance.)
 */
public final class NetworkFaultTable {

    private final String appliesTo;
    private final FaultSnapshot.HostResolver resolver;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder delayed = new LongAdder();
    private final AtomicInteger openConnections = new AtomicInteger();
    private volatile FaultSnapshot current = FaultSnapshot.NONE;

    /** @param appliesTo which connections the rules act on, said truthfully to whoever asks */
    public NetworkFaultTable(String appliesTo) {
        this(appliesTo, InetAddress::getAllByName);
    }

    NetworkFaultTable(String appliesTo, FaultSnapshot.HostResolver resolver) {
        this.appliesTo = Objects.requireNonNull(appliesTo, "appliesTo");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Replaces every rule (an empty set heals) and returns the previous rules. Resolves the peers' hosts
     * first, on the caller's thread; a host that does not resolve, or two rules for one address, is an
     * IllegalArgumentException and changes nothing.
     */
    public FaultRules replace(FaultRules rules) {
        FaultSnapshot next = FaultSnapshot.compile(Objects.requireNonNull(rules, "rules"), resolver);
        synchronized (this) {
            FaultSnapshot previous = current;
            current = next;
            return previous.rules();
        }
    }

    public FaultRules rules() {
        return current.rules();
    }

    public long droppedFrames() {
        return dropped.sum();
    }

    public long delayedFrames() {
        return delayed.sum();
    }

    /** Connections that carry this table's filter and are open now. */
    public int openConnections() {
        return openConnections.get();
    }

    public String appliesTo() {
        return appliesTo;
    }

    /**
     * What SET_FAULTS and GET_FAULTS answer: {@code {"rules":[...],"droppedFrames":n,"delayedFrames":n,
     * "openConnections":n,"appliesTo":"..."}}.
     */
    public JsonObject toJson() {
        JsonObject o = current.rules().toJson();
        o.addProperty("droppedFrames", droppedFrames());
        o.addProperty("delayedFrames", delayedFrames());
        o.addProperty("openConnections", openConnections());
        o.addProperty("appliesTo", appliesTo);
        return o;
    }

    /**
     * A new filter for one channel, for pipelines built outside this package (the HA link). Place it right
     * after the decoder, so it sees whole messages.
     */
    public ChannelHandler newHandler() {
        return new FaultHandler(this);
    }

    /** True when a rule drops the frames of {@code channel}: it is partitioned, not broken. */
    boolean drops(Channel channel) {
        FaultSnapshot s = current;
        if (s.isEmpty()) {
            return false;
        }
        FaultRule rule = s.ruleFor(RemoteChannel.format(channel.remoteAddress()));
        return rule != null && rule.action() == FaultRule.Action.DROP;
    }

    FaultSnapshot snapshot() {
        return current;
    }

    void countDropped() {
        dropped.increment();
    }

    void countDelayed() {
        delayed.increment();
    }

    void connectionOpened() {
        openConnections.incrementAndGet();
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }
}
