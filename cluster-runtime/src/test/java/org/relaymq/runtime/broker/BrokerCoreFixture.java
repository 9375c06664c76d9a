package org.relaymq.runtime.broker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingServerConfig;

/**
 * A broker core on a real loopback server (port 0), with its own NameServer client, scheduler and
 * recorded events, plus as many remoting clients as a test wants. Closes everything in reverse order.
 */
public final class BrokerCoreFixture implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ExecutorScheduler scheduler;
    private final RecordingEvents events = new RecordingEvents();
    private final NettyRemotingServer server;
    private final BrokerCore core;
    private final String prefix = "bcf" + IDS.incrementAndGet();

    public BrokerCoreFixture(BrokerConfig config) {
        scheduler = push(new ExecutorScheduler(prefix + "-timer", 2));
        BrokerChannelEvents channelEvents = new BrokerChannelEvents();
        server = push(new NettyRemotingServer(RemotingServerConfig.defaults().withName(prefix + "-server")
                .withBindHost("127.0.0.1").withWorkerThreads(2), scheduler, channelEvents));
        NettyRemotingClient namesrvClient = client();
        core = new BrokerCore(config, server, channelEvents, namesrvClient, events, scheduler, TimeSource.system());
        resources.push(core);
        server.start();
    }

    private <T extends AutoCloseable> T push(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Starts the core (registration, timers) with the bound port. */
    public BrokerCoreFixture start() {
        core.start();
        return this;
    }

    /** A new client with its own connection to the broker; closed with the fixture. */
    public NettyRemotingClient client() {
        return push(new NettyRemotingClient(RemotingClientConfig.defaults()
                .withName(prefix + "-client" + IDS.incrementAndGet()), scheduler, TimeSource.system()));
    }

    public RemotingCommand call(NettyRemotingClient client, RemotingCommand request) throws Exception {
        return client.invokeSync(address(), request, 5000);
    }

    public String address() {
        return "127.0.0.1:" + server.port();
    }

    public BrokerCore core() {
        return core;
    }

    public RecordingEvents events() {
        return events;
    }

    public NettyRemotingServer server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
