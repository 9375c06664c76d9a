package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.protocol.wire.SerializeType;
import org.relaymq.runtime.common.time.ManualClock;

/** Request / response over loopback between a real server and client; every thread is checked gone after. */
class RemotingRoundTripTest {

    static final int ECHO = 7101;
    static final int HOLD = 7102;
    static final int QUICK = 7103;

    private RemotingTestKit kit;
    private ExecutorService pool;
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String addr;

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo info) {
        kit = new RemotingTestKit(info.getTestMethod().orElseThrow().getName());
        pool = kit.executor(4, 1024);
        server = kit.server();
        server.registerHandler(ECHO, RemotingRoundTripTest::echo, pool);
        server.start();
        client = kit.client();
        addr = RemotingTestKit.addr(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        kit.assertNoThreadsLeft();
    }

    static RemotingCommand echo(RequestContext ctx, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                Map.of("channelId", ctx.channelId(), "remote", ctx.remoteAddress(),
                        "type", request.serializeType().name(), "in", request.ext().getOrDefault("in", "")),
                request.body());
    }

    static RemotingCommand request(int code, String in) {
        return RemotingCommand.request(code, Map.of("in", in), in.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void syncCallGetsTheHandlersResponse() throws Exception {
        RemotingCommand response = client.invokeSync(addr, request(ECHO, "hello"), 3000);

        assertThat(response.isResponse()).isTrue();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.ext()).containsEntry("in", "hello");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.ext().get("remote")).startsWith("127.0.0.1:");
    }

    @Test
    void asyncCallCompletesOnTheClientsCallbackThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        RemotingCommand response = client.invokeAsync(addr, request(ECHO, "a"), 3000)
                .whenComplete((r, e) -> thread.set(Thread.currentThread().getName()))
                .get(5, TimeUnit.SECONDS);

        assertThat(response.ext()).containsEntry("in", "a");
        assertThat(thread.get()).startsWith(client.config().name() + "-callback");
    }

    @Test
    void onewayRequestReachesItsHandler() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        server.registerHandler(QUICK, (ctx, req) -> {
            received.countDown();
            return echo(ctx, req);
        }, pool);

        client.invokeOneway(addr, request(QUICK, "x"), 3000);

        assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void responsesMayArriveOutOfOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.registerHandler(HOLD, (ctx, req) -> {
            release.await(10, TimeUnit.SECONDS);
            return echo(ctx, req);
        }, pool);

        CompletableFuture<RemotingCommand> first = client.invokeAsync(addr, request(HOLD, "first"), 10_000);
        RemotingCommand second = client.invokeSync(addr, request(ECHO, "second"), 3000);
        boolean firstDoneBeforeRelease = first.isDone();
        release.countDown();

        assertThat(second.ext()).containsEntry("in", "second");
        assertThat(firstDoneBeforeRelease).isFalse();
        assertThat(first.get(5, TimeUnit.SECONDS).ext()).containsEntry("in", "first");
    }

    @Test
    void manyConcurrentCallsEachGetTheirOwnResponse() throws Exception {
        List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(client.invokeAsync(addr, request(ECHO, "n" + i), 10_000));
        }
        for (int i = 0; i < 500; i++) {
            RemotingCommand response = calls.get(i).get(10, TimeUnit.SECONDS);
            assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.ext()).containsEntry("in", "n" + i);
        }
    }

    @Test
    void unknownCodeIsAnsweredRequestCodeNotSupported() throws Exception {
        RemotingCommand response = client.invokeSync(addr, request(9999, "?"), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).isEqualTo(" request type 9999 not supported");
    }

    @Test
    void throwingHandlerIsAnsweredSystemErrorWithTheMessage() throws Exception {
        server.registerHandler(QUICK, (ctx, req) -> {
            throw new IllegalStateException("disk on fire");
        }, pool);

        RemotingCommand response = client.invokeSync(addr, request(QUICK, "x"), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("disk on fire");
    }

    @Test
    void protocolExceptionIsAnsweredWithItsCodeAndMessage() throws Exception {
        server.registerHandler(QUICK, (ctx, req) -> {
            throw new ProtocolException(ResponseCode.VERSION_NOT_SUPPORTED, "too old");
        }, pool);

        RemotingCommand response = client.invokeSync(addr, request(QUICK, "x"), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.VERSION_NOT_SUPPORTED);
        assertThat(response.remark()).isEqualTo("too old");
    }

    @Test
    void fullExecutorIsAnsweredSystemBusy() throws Exception {
        ExecutorService tiny = kit.executor(1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.registerHandler(HOLD, (ctx, req) -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return echo(ctx, req);
        }, tiny);

        CompletableFuture<RemotingCommand> running = client.invokeAsync(addr, request(HOLD, "1"), 10_000);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RemotingCommand> queued = client.invokeAsync(addr, request(HOLD, "2"), 10_000);
        RemotingCommand rejected = client.invokeSync(addr, request(HOLD, "3"), 3000);
        release.countDown();

        assertThat(rejected.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(rejected.remark()).isEqualTo("[OVERLOAD]system busy, start flow control for a while");
        assertThat(running.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(queued.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    /** A request left waiting in its queue longer than the limit is refused SYSTEM_BUSY; one that is not is served. */
    @Test
    void requestThatWaitedTooLongInTheQueueIsAnsweredSystemBusy() throws Exception {
        ExecutorService single = kit.executor(1, 16);
        ManualClock clock = new ManualClock();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.handlers().register(HOLD, (ctx, req) -> {
            if (req.body().length == 1 && req.body()[0] == '1') {
                started.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return echo(ctx, req);
        }, single, new QueueWaitLimit(clock, Duration.ofMillis(200)));

        CompletableFuture<RemotingCommand> running = client.invokeAsync(addr, request(HOLD, "1"), 10_000);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RemotingCommand> stale = client.invokeAsync(addr, request(HOLD, "2"), 10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> ((ThreadPoolExecutor) single)
                .getQueue().size() == 1);
        clock.advanceMillis(201);
        CompletableFuture<RemotingCommand> fresh = client.invokeAsync(addr, request(HOLD, "3"), 10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> ((ThreadPoolExecutor) single)
                .getQueue().size() == 2);
        release.countDown();

        assertThat(running.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        RemotingCommand refused = stale.get(5, TimeUnit.SECONDS);
        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(refused.remark()).startsWith("[TIMEOUT_CLEAN_QUEUE]broker busy").contains("period in queue: 201ms");
        assertThat(fresh.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void deferredResponseIsSentLaterFromAnotherThread() throws Exception {
        AtomicReference<RequestContext> parked = new AtomicReference<>();
        server.registerHandler(HOLD, (ctx, req) -> {
            parked.set(ctx);
            return null;
        }, pool);

        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, request(HOLD, "later"), 10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> parked.get() != null);
        RequestContext ctx = parked.get();
        ctx.respond(RemotingCommand.responseTo(ctx.request(), ResponseCode.SUCCESS, "done"));
        ctx.respond(RemotingCommand.responseTo(ctx.request(), ResponseCode.SYSTEM_ERROR, "second answer ignored"));

        assertThat(call.get(5, TimeUnit.SECONDS).remark()).isEqualTo("done");
        assertThat(ctx.isAnswered()).isTrue();
    }

    @Test
    void responseUsesTheRequestsSerializeType() throws Exception {
        RemotingCommand compact = request(ECHO, "c").withSerializeType(SerializeType.ROCKETMQ);

        RemotingCommand response = client.invokeSync(addr, compact, 3000);
        RemotingCommand json = client.invokeSync(addr, request(ECHO, "j"), 3000);

        assertThat(response.ext()).containsEntry("type", "ROCKETMQ");
        assertThat(response.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(json.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void concurrentFirstCallsShareOneConnection() throws Exception {
        List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(client.invokeAsync(addr, request(ECHO, "c" + i), 10_000));
        }
        List<String> channelIds = new ArrayList<>();
        for (CompletableFuture<RemotingCommand> c : calls) {
            channelIds.add(c.get(10, TimeUnit.SECONDS).ext().get("channelId"));
        }

        assertThat(channelIds).containsOnly(channelIds.get(0));
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void connectFailureIsARemotingConnectException() throws Exception {
        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }

        assertThatThrownBy(() -> client.invokeSync("127.0.0.1:" + freePort, request(ECHO, "x"), 3000))
                .isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("127.0.0.1:" + freePort);
        assertThatThrownBy(() -> client.invokeAsync("127.0.0.1:" + freePort, request(ECHO, "x"), 3000).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RemotingConnectException.class);
    }

    @Test
    void closingTheClientFailsPendingCalls() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        server.registerHandler(HOLD, (ctx, req) -> {
            received.countDown();
            return null;
        }, pool);
        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, request(HOLD, "x"), 60_000);
        assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();

        client.close();
        client.close();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RemotingChannelClosedException.class);
        assertThatThrownBy(() -> client.invokeSync(addr, request(ECHO, "x"), 3000))
                .isInstanceOf(RemotingConnectException.class).hasMessageContaining("client closed");
    }
}
