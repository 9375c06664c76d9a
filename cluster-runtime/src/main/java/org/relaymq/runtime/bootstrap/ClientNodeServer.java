package org.relaymq.runtime.bootstrap;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.net.HostAddresses;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.ChannelEventListener;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemoteChannel;
import org.relaymq.runtime.remoting.RemotingServerConfig;
import org.relaymq.runtime.telemetry.EventBus;
import org.relaymq.runtime.telemetry.EventStreamService;
import org.relaymq.runtime.telemetry.GetFaultsHandler;
import org.relaymq.runtime.telemetry.GetNodeInfoHandler;
import org.relaymq.runtime.telemetry.NodeInfo;
import org.relaymq.runtime.telemetry.SetFaultsHandler;
import org.relaymq.runtime.telemetry.SubscribeEventsHandler;
import org.relaymq.runtime.telemetry.UnsubscribeEventsHandler;

/**
 * The small remoting server of a producer or consumer process: SUBSCRIBE_EVENTS / UNSUBSCRIBE_EVENTS for the
 * client's event bus, GET_NODE_INFO, and SET_FAULTS / GET_FAULTS on the fault table of the process's client
 * instance, so the console can watch and break clients it started. The bus is renamed
 * {@code <role>@host:port} once the port is known.
 */
final class ClientNodeServer implements AutoCloseable {

    private static final Duration DRAIN_INTERVAL = Duration.ofMillis(50);
    /** What a client process's fault rules act on. */
    static final String FAULTS_APPLY_TO = "connections this node opened (to NameServers and brokers)";

    private final NettyRemotingServer server;
    private final ThreadPoolExecutor pool = Executors2.fixedBounded("client-node-handler", 2, 1000);
    private final String address;
    private EventStreamService streams;

    private ClientNodeServer(String role, String host, int port, EventBus bus, NodeInfo info,
                             Supplier<JsonObject> snapshot, Scheduler scheduler, NetworkFaultTable faults) {
        this.server = new NettyRemotingServer(RemotingServerConfig.defaults().withName(role + "-node")
                .withBindHost(host).withPort(port), scheduler, new StreamEnd());
        try {
            server.start();
        } catch (RuntimeException e) {
            Executors2.shutdownAndAwait(pool, Duration.ofSeconds(1));
            throw e;
        }
        this.address = HostAddresses.advertised(host) + ":" + server.port();
        bus.nodeName(NodeEvent.nodeName(role, address));
        info.address(address);
        streams = new EventStreamService(bus, server, scheduler, snapshot, DRAIN_INTERVAL);
        server.handlers().register(RequestCode.SUBSCRIBE_EVENTS, new SubscribeEventsHandler(streams), pool);
        server.handlers().register(RequestCode.UNSUBSCRIBE_EVENTS, new UnsubscribeEventsHandler(streams), pool);
        server.handlers().register(RequestCode.GET_NODE_INFO, new GetNodeInfoHandler(info), pool);
        server.handlers().register(RequestCode.SET_FAULTS, new SetFaultsHandler(faults, bus), pool);
        server.handlers().register(RequestCode.GET_FAULTS, new GetFaultsHandler(faults), pool);
    }

    /**
     * Binds {@code host:port} (0 = any free port) and serves the bus and {@code faults}, which must be the table
     * the process's client instance was created with ({@code ClientInstance.create(config, faults)}).
     */
    static ClientNodeServer start(String role, String host, int port, EventBus bus, NodeInfo info,
                                  Supplier<JsonObject> snapshot, Scheduler scheduler, NetworkFaultTable faults) {
        return new ClientNodeServer(role, host, port, bus, info, snapshot, scheduler, faults);
    }

    /** "host:port" the console reaches this process at. */
    String address() {
        return address;
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close();
            streams = null;
        }
        server.close();
        Executors2.shutdownAndAwait(pool, Duration.ofSeconds(1));
    }

    private final class StreamEnd implements ChannelEventListener {
        @Override
        public void onClosed(RemoteChannel channel) {
            EventStreamService s = streams;
            if (s != null) {
                s.onChannelClosed(channel);
            }
        }
    }
}
