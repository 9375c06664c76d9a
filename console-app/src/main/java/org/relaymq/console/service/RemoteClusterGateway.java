package org.relaymq.console.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RemotingTimeoutException;
import org.relaymq.runtime.telemetry.RemoteEventSubscriber;

/**
 * The real {@link ClusterGateway}: one remoting client; each watched node is polled with GET_NODE_INFO
 * every poll interval (the heartbeat of the link) and subscribed to with SUBSCRIBE_EVENTS whenever
 * it is reachable and not yet streaming, or answers with a different pid (it was restarted).
 * A node that stops answering (paused) keeps its connection, so its stream resumes with it.
 */
public final class RemoteClusterGateway implements ClusterGateway {

    /** What the console says about a node that refuses GET_NODE_INFO. */
    public static final String NOT_RELAYMQ = "Apache RocketMQ node: registrations and routes via protocol only; "
            + "no live events";

    private final TimeSource time;
    private final Duration pollTimeout;
    private final Scheduler.Cancellable pollTimer;
    private final ThreadPoolExecutor pollers = Executors2.fixedBounded("console-poll", 4, 1024);
    private final NettyRemotingClient client;
    private final RemoteEventSubscriber subscriber;
    private final ProtocolPoller protocol;
    private final Duration protocolInterval;
    private final Map<String, NodeLink> links = new ConcurrentHashMap<>();
    private final List<GatewayListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public RemoteClusterGateway(Scheduler scheduler, TimeSource time, Duration pollInterval, Duration pollTimeout) {
        this(scheduler, time, pollInterval, pollTimeout, TimingProfile.CLASSROOM.clientRoutePollInterval());
    }

    /**
     * @param protocolInterval how often a node without event stream (Apache RocketMQ) is asked for its
     *                         cluster info and routes: the profile's client route poll interval
     */
    public RemoteClusterGateway(Scheduler scheduler, TimeSource time, Duration pollInterval, Duration pollTimeout,
                                Duration protocolInterval) {
        this.time = time;
        this.protocolInterval = protocolInterval;
        this.pollTimeout = pollTimeout;
        this.client = new NettyRemotingClient(RemotingClientConfig.defaults().withName("console")
                .withConnectTimeout(Duration.ofMillis(1000)).withCloseChannelOnSyncTimeout(false)
                .withIdleTimeout(Duration.ofDays(1)), scheduler, time);
        this.subscriber = new RemoteEventSubscriber(client);
        this.protocol = new ProtocolPoller(client, pollTimeout.toMillis());
        this.pollTimer = scheduler.scheduleWithFixedDelay(this::pollAll, Duration.ZERO, pollInterval);
    }

    @Override
    public void watch(String address) {
        if (links.putIfAbsent(address, new NodeLink(address)) == null) {
            fireConnection(links.get(address));
            submitPoll(links.get(address));
        }
    }

    @Override
    public void unwatch(String address) {
        NodeLink link = links.remove(address);
        if (link != null) {
            client.closeChannel(address);
        }
    }

    @Override
    public List<String> watched() {
        return List.copyOf(links.keySet());
    }

    @Override
    public void addListener(GatewayListener listener) {
        listeners.add(listener);
    }

    @Override
    public ConnectionStatus connection(String address) {
        NodeLink link = links.get(address);
        return link == null ? ConnectionStatus.unknown(address) : link.status();
    }

    @Override
    public Optional<JsonObject> nodeInfo(String address) {
        NodeLink link = links.get(address);
        return link == null ? Optional.empty() : link.info();
    }

    @Override
    public CompletableFuture<FaultReport> setFaults(String address, FaultRules rules) {
        return faultRequest(address, RemotingCommand.request(RequestCode.SET_FAULTS, Map.of(), rules.encode()),
                "SET_FAULTS", rules);
    }

    @Override
    public CompletableFuture<FaultReport> getFaults(String address) {
        return faultRequest(address, RemotingCommand.request(RequestCode.GET_FAULTS, Map.of()), "GET_FAULTS", null);
    }

    /**
     * One fault request, answered on the client's callback threads. A SUCCESS without body to SET_FAULTS
     * still means the node now applies {@code sent} (counters not reported).
     */
    private CompletableFuture<FaultReport> faultRequest(String address, RemotingCommand request, String name,
                                                        FaultRules sent) {
        CompletableFuture<FaultReport> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the console's gateway is closed"));
            return result;
        }
        client.invokeAsync(address, request, pollTimeout.toMillis()).whenComplete((answer, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                result.completeExceptionally(cause instanceof RemotingTimeoutException
                        ? new RemotingTimeoutException("no answer from " + address + " within "
                        + pollTimeout.toMillis() + " ms (paused?)") : cause);
                return;
            }
            try {
                result.complete(faultAnswer(answer, name, sent));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static FaultReport faultAnswer(RemotingCommand answer, String name, FaultRules sent) {
        if (answer.code() != ResponseCode.SUCCESS) {
            String remark = answer.remark();
            throw new ProtocolException(answer.code(), remark == null || remark.isBlank()
                    ? name + " refused with code " + answer.code() : remark.strip());
        }
        if (sent != null && (answer.body() == null || answer.body().length == 0)) {
            return FaultReport.of(sent);
        }
        return FaultReport.parse(answer.body());
    }

    private void pollAll() {
        links.values().forEach(this::submitPoll);
    }

    private void submitPoll(NodeLink link) {
        if (closed || !link.beginPoll()) {
            return;
        }
        try {
            pollers.execute(() -> {
                try {
                    poll(link);
                } finally {
                    link.endPoll();
                }
            });
        } catch (RejectedExecutionException e) {
            link.endPoll();
        }
    }

    private void poll(NodeLink link) {
        try {
            RemotingCommand answer = client.invokeSync(link.address(),
                    RemotingCommand.request(RequestCode.GET_NODE_INFO, Map.of()), pollTimeout.toMillis());
            if (answer.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                link.contacted(time.monotonicMillis(), NOT_RELAYMQ);
                pollProtocol(link);
            } else if (answer.code() != ResponseCode.SUCCESS) {
                link.failed("node info refused: code " + answer.code() + " " + answer.remark(), false);
            } else {
                onInfo(link, JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8))
                        .getAsJsonObject());
            }
        } catch (RemotingTimeoutException e) {
            link.failed("no answer within " + pollTimeout.toMillis() + " ms (paused? partitioned?)", false);
        } catch (RemotingException e) {
            link.failed(e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            link.failed(e.toString(), false);
        }
        fireConnection(link);
    }

    /** For a node without event stream: what GET_BROKER_CLUSTER_INFO and the routes say, at the interval. */
    private void pollProtocol(NodeLink link) throws InterruptedException {
        long now = time.monotonicMillis();
        if (!link.protocolPollDue(now, protocolInterval.toMillis())) {
            return;
        }
        ProtocolView view = protocol.poll(link.address(), now, protocolInterval.toMillis());
        listeners.forEach(l -> l.onProtocolView(link.address(), view));
    }

    private void onInfo(NodeLink link, JsonObject info) throws InterruptedException {
        boolean restarted = link.infoArrived(info, time.monotonicMillis());
        listeners.forEach(l -> l.onNodeInfo(link.address(), info));
        if (link.status().streaming() && !restarted) {
            return;
        }
        link.beginSnapshot();
        try {
            RemoteEventSubscriber.Snapshot s = subscriber.subscribe(link.address(), e -> onEvent(link, e),
                    pollTimeout.toMillis());
            link.snapshotArrived(s.node(), time.monotonicMillis());
            listeners.forEach(l -> l.onSnapshot(link.address(), s.node(), s.state()));
            link.endSnapshot(s.eventSeq(), e -> fireEvent(link, e));
        } catch (ProtocolException e) {
            link.abortSnapshot();
            link.contacted(time.monotonicMillis(), e.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED
                    ? NOT_RELAYMQ : "event subscription refused: " + e.getMessage());
        } catch (RemotingException e) {
            link.abortSnapshot();
            link.failed("subscribe failed: " + e.getMessage(), true);
        }
    }

    private void onEvent(NodeLink link, NodeEvent event) {
        if (links.get(link.address()) != link) {
            return;
        }
        link.eventArrived(event, time.monotonicMillis(), e -> fireEvent(link, e));
    }

    private void fireEvent(NodeLink link, NodeEvent event) {
        listeners.forEach(l -> l.onEvent(link.address(), event));
    }

    private void fireConnection(NodeLink link) {
        ConnectionStatus s = link.status();
        listeners.forEach(l -> l.onConnection(s));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pollTimer.cancel();
        links.clear();
        subscriber.close();
        client.close();
        Executors2.shutdownAndAwait(pollers, Duration.ofSeconds(3));
    }
}
