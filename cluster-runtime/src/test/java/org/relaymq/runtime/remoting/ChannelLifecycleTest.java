package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ManualClock;

/** Timeouts on a manual clock, calls from server to client, idle close, reconnect, channel events. */
class ChannelLifecycleTest {

    static final int ECHO = RemotingRoundTripTest.ECHO;
    static final int SILENT = 7110;
    static final int CALL_ME = 7111;

    private RemotingTestKit kit;
    private ExecutorService pool;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch silentReceived = new CountDownLatch(1);

    private final ChannelEventListener recorder = new ChannelEventListener() {
        @Override
        public void onConnected(RemoteChannel channel) {
            events.add("connected " + channel.id());
        }

        @Override
        public void onClosed(RemoteChannel channel) {
            events.add("closed " + channel.id() + " " + channel.remoteAddress());
        }

        @Override
        public void onIdle(RemoteChannel channel) {
            events.add("idle " + channel.id());
        }
    };

    @BeforeEach
    void setUp(TestInfo info) {
        kit = new RemotingTestKit(info.getTestMethod().orElseThrow().getName());
        pool = kit.executor(4, 64);
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        kit.assertNoThreadsLeft();
    }

    private NettyRemotingServer startServer(UnaryOperator<RemotingServerConfig> tweak) {
        NettyRemotingServer server = kit.server(tweak, recorder);
        server.registerHandler(ECHO, RemotingRoundTripTest::echo, pool);
        server.registerHandler(SILENT, (ctx, req) -> {
            silentReceived.countDown();
            return null;
        }, pool);
        return server.start();
    }

    @Test
    void asyncTimeoutOnTheManualClockFailsWithAClearError() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        ManualClock clock = new ManualClock();
        NettyRemotingClient client = kit.client(UnaryOperator.identity(), clock, clock);
        String addr = RemotingTestKit.addr(server);

        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, RemotingRoundTripTest.request(SILENT, "x"), 3000);
        assertThat(silentReceived.await(5, TimeUnit.SECONDS)).isTrue();
        clock.advanceMillis(2999);
        assertThat(call).isNotDone();
        clock.advanceMillis(1);

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemotingTimeoutException.class)
                .hasMessage("wait response on channel " + addr + " timeout, 3000(ms)");
    }

    @Test
    void syncTimeoutFailsTheCallerAndClosesTheChannel() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        ManualClock clock = new ManualClock();
        NettyRemotingClient client = kit.client(UnaryOperator.identity(), clock, clock);
        String addr = RemotingTestKit.addr(server);
        ExecutorService caller = kit.executor(1, 1);

        Future<RemotingCommand> call = caller.submit(
                () -> client.invokeSync(addr, RemotingRoundTripTest.request(SILENT, "x"), 3000));
        assertThat(silentReceived.await(5, TimeUnit.SECONDS)).isTrue();
        clock.advanceMillis(3000);

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(RemotingTimeoutException.class)
                .hasMessage("wait response on channel " + addr + " timeout, 3000(ms)");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0);
        assertThat(client.invokeSync(addr, RemotingRoundTripTest.request(ECHO, "again"), 3000).code())
                .isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void serverCallsTheClientBackOverItsOwnConnection() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        NettyRemotingClient client = kit.client();
        CountDownLatch onewayReceived = new CountDownLatch(1);
        client.handlers().register(CALL_ME, (ctx, req) -> {
            if (req.isOneway()) {
                onewayReceived.countDown();
            }
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, "client says hi",
                    Map.of("in", req.ext().getOrDefault("in", "")), null);
        }, pool);
        AtomicReference<RemoteChannel> seen = new AtomicReference<>();
        server.registerHandler(7112, (ctx, req) -> {
            seen.set(ctx.remoteChannel());
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null);
        }, pool);
        client.invokeSync(RemotingTestKit.addr(server), RemotingRoundTripTest.request(7112, "hello"), 3000);

        RemotingCommand answer = server.invokeSync(seen.get(), RemotingRoundTripTest.request(CALL_ME, "ping"), 3000);
        server.invokeOneway(seen.get(), RemotingRoundTripTest.request(CALL_ME, "notify"));

        assertThat(answer.remark()).isEqualTo("client says hi");
        assertThat(answer.ext()).containsEntry("in", "ping");
        assertThat(onewayReceived.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void clientAnswersServerRequestsItHasNoHandlerForWithNotSupported() throws Exception {
        NettyRemotingServer server = kit.server(UnaryOperator.identity(), null);
        AtomicReference<RemoteChannel> seen = new AtomicReference<>();
        server.registerHandler(7112, (ctx, req) -> {
            seen.set(ctx.remoteChannel());
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null);
        }, pool).start();
        NettyRemotingClient client = kit.client();
        client.invokeSync(RemotingTestKit.addr(server), RemotingRoundTripTest.request(7112, "x"), 3000);

        RemotingCommand unknown = server.invokeSync(seen.get(), RemotingRoundTripTest.request(9998, "?"), 3000);
        assertThat(unknown.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(unknown.remark()).isEqualTo(" request type 9998 not supported");
    }

    @Test
    void closeEventCarriesTheChannelIdAndAddressTheHandlerSaw() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        NettyRemotingClient client = kit.client();
        String addr = RemotingTestKit.addr(server);
        RemotingCommand r = client.invokeSync(addr, RemotingRoundTripTest.request(ECHO, "x"), 3000);
        String channelId = r.ext().get("channelId");

        client.closeChannel(addr);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events)
                .containsExactly("connected " + channelId, "closed " + channelId + " " + r.ext().get("remote")));
    }

    @Test
    void idleConnectionIsClosedByTheServer() throws Exception {
        NettyRemotingServer server = startServer(c -> c.withIdleTimeout(Duration.ofMillis(300)));
        NettyRemotingClient client = kit.client();
        String addr = RemotingTestKit.addr(server);
        String channelId = client.invokeSync(addr, RemotingRoundTripTest.request(ECHO, "x"), 3000)
                .ext().get("channelId");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events)
                .contains("idle " + channelId).anyMatch(e -> e.startsWith("closed " + channelId)));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.connectedAddresses().isEmpty());
    }

    @Test
    void clientReconnectsAfterTheServerClosedItsConnection() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        AtomicReference<RemoteChannel> seen = new AtomicReference<>();
        server.registerHandler(7112, (ctx, req) -> {
            seen.set(ctx.remoteChannel());
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null);
        }, pool);
        NettyRemotingClient client = kit.client();
        String addr = RemotingTestKit.addr(server);
        client.invokeSync(addr, RemotingRoundTripTest.request(7112, "x"), 3000);

        seen.get().close();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.connectedAddresses().isEmpty());
        RemotingCommand again = client.invokeSync(addr, RemotingRoundTripTest.request(ECHO, "y"), 3000);

        assertThat(again.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(again.ext().get("channelId")).isNotEqualTo(seen.get().id());
    }

    @Test
    void closingTheServerFailsItsPendingCallsToClients() throws Exception {
        NettyRemotingServer server = startServer(UnaryOperator.identity());
        AtomicReference<RemoteChannel> seen = new AtomicReference<>();
        server.registerHandler(7112, (ctx, req) -> {
            seen.set(ctx.remoteChannel());
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null);
        }, pool);
        NettyRemotingClient client = kit.client();
        CountDownLatch clientGotCall = new CountDownLatch(1);
        client.handlers().register(CALL_ME, (ctx, req) -> {
            clientGotCall.countDown();
            return null;
        }, pool);
        client.invokeSync(RemotingTestKit.addr(server), RemotingRoundTripTest.request(7112, "x"), 3000);
        ExecutorService caller = kit.executor(1, 1);

        Future<RemotingCommand> call = caller.submit(
                () -> server.invokeSync(seen.get(), RemotingRoundTripTest.request(CALL_ME, "x"), 60_000));
        assertThat(clientGotCall.await(5, TimeUnit.SECONDS)).isTrue();
        server.close();
        server.close();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(RemotingChannelClosedException.class);
        assertThatThrownBy(() -> server.invokeOneway(seen.get(), RemotingRoundTripTest.request(CALL_ME, "x")))
                .isInstanceOf(RemotingChannelClosedException.class);
    }

    @Test
    void serverAlsoServesItsAdditionalPorts() throws Exception {
        int extra;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            extra = s.getLocalPort();
        }
        int extraPort = extra;
        NettyRemotingServer server = startServer(c -> c.withAdditionalPorts(List.of(extraPort)));
        NettyRemotingClient client = kit.client();

        assertThat(server.ports()).containsExactly(server.port(), extraPort);
        assertThat(client.invokeSync("127.0.0.1:" + extraPort, RemotingRoundTripTest.request(ECHO, "x"), 3000)
                .code()).isEqualTo(ResponseCode.SUCCESS);
    }
}
