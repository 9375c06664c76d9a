package org.relaymq.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RemotingServerConfig;

/**
 * SET_FAULTS / GET_FAULTS through the real gateway against a real remoting server on loopback, whose
 * handlers answer as the wire contract says: SUCCESS with {@code {"rules":[...],"droppedFrames":n,
 * "delayedFrames":n,...}}, SYSTEM_ERROR with a remark for rules it cannot apply.
 */
class RemoteClusterGatewayFaultsTest {

    private static final String UNRESOLVABLE = "no-such-host.invalid:9876";

    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler("faults-test", 1);
    private final NettyRemotingServer node = new NettyRemotingServer(RemotingServerConfig.defaults()
            .withName("fault-node").withBindHost("127.0.0.1").withPort(0), scheduler);
    private final List<RemotingCommand> received = new CopyOnWriteArrayList<>();
    private final RemoteClusterGateway gateway = new RemoteClusterGateway(scheduler, TimeSource.system(),
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(3));
    private volatile FaultRules applied = FaultRules.NONE;
    private volatile long dropped;

    @AfterEach
    void stop() {
        gateway.close();
        node.close();
        scheduler.close();
        handlers.shutdownNow();
    }

    /** A node that keeps its rules, counts 17 dropped frames once it drops, and refuses a peer it cannot resolve. */
    private String serveFaults(boolean withGet) {
        node.registerHandler(RequestCode.SET_FAULTS, (ctx, req) -> {
            received.add(req);
            FaultRules rules;
            try {
                rules = FaultRules.decode(req.body());
            } catch (IllegalArgumentException e) {
                return RemotingCommand.responseTo(req, ResponseCode.SYSTEM_ERROR, "bad fault rules: " + e.getMessage());
            }
            if (rules.rules().stream().anyMatch(r -> r.peer().equals(UNRESOLVABLE))) {
                return RemotingCommand.responseTo(req, ResponseCode.SYSTEM_ERROR,
                        "bad fault rules: host no-such-host.invalid does not resolve");
            }
            applied = rules;
            dropped = rules.isEmpty() ? 0 : 17;
            return state(req);
        }, handlers);
        if (withGet) {
            node.registerHandler(RequestCode.GET_FAULTS, (ctx, req) -> {
                received.add(req);
                return state(req);
            }, handlers);
        }
        node.start();
        return "127.0.0.1:" + node.port();
    }

    private RemotingCommand state(RemotingCommand req) {
        JsonObject body = applied.toJson();
        body.addProperty("droppedFrames", dropped);
        body.addProperty("delayedFrames", 3);
        body.addProperty("openConnections", 2);
        return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null, null,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        Throwable thrown = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }

    @Test
    void setFaultsSendsTheEncodedRulesAndReadsTheNodesAnswer() throws Exception {
        String address = serveFaults(true);
        FaultRules partition = new FaultRules(List.of(FaultRule.drop("*")));

        FaultReport report = await(gateway.setFaults(address, partition));

        assertThat(received).singleElement().satisfies(req -> {
            assertThat(req.code()).isEqualTo(RequestCode.SET_FAULTS);
            assertThat(new String(req.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"rules\":[{\"peer\":\"*\",\"action\":\"DROP\"}]}");
        });
        assertThat(report).isEqualTo(new FaultReport(partition, 17, 3));

        FaultRules delay = new FaultRules(List.of(FaultRule.delay("*", 1000)));
        assertThat(await(gateway.setFaults(address, delay)).rules()).isEqualTo(delay);
        assertThat(new String(received.get(1).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"rules\":[{\"peer\":\"*\",\"action\":\"DELAY\",\"delayMillis\":1000}]}");

        assertThat(await(gateway.setFaults(address, FaultRules.NONE))).isEqualTo(new FaultReport(FaultRules.NONE, 0, 3));
        assertThat(new String(received.get(2).body(), StandardCharsets.UTF_8)).isEqualTo("{\"rules\":[]}");
    }

    @Test
    void getFaultsSendsNoBodyAndReadsRulesAndCounters() throws Exception {
        String address = serveFaults(true);
        await(gateway.setFaults(address, new FaultRules(List.of(FaultRule.drop("127.0.0.1:9876")))));

        FaultReport report = await(gateway.getFaults(address));

        RemotingCommand get = received.get(1);
        assertThat(get.code()).isEqualTo(RequestCode.GET_FAULTS);
        assertThat(get.body() == null || get.body().length == 0).as("no body").isTrue();
        assertThat(report.rules().rules()).containsExactly(FaultRule.drop("127.0.0.1:9876"));
        assertThat(report.droppedFrames()).isEqualTo(17);
        assertThat(report.delayedFrames()).isEqualTo(3);
    }

    @Test
    void aRefusalFailsTheFutureWithTheNodesCodeAndRemarkAndChangesNothing() throws Exception {
        String address = serveFaults(true);

        Throwable refused = failure(gateway.setFaults(address, new FaultRules(List.of(FaultRule.drop(UNRESOLVABLE)))));

        assertThat(refused).isInstanceOf(ProtocolException.class)
                .hasMessage("bad fault rules: host no-such-host.invalid does not resolve");
        assertThat(((ProtocolException) refused).responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(await(gateway.getFaults(address)).rules()).isEqualTo(FaultRules.NONE);
    }

    @Test
    void aNodeWithoutFaultRequestsAnswersNotSupported() {
        String address = serveFaults(false);

        Throwable refused = failure(gateway.getFaults(address));

        assertThat(refused).isInstanceOf(ProtocolException.class);
        assertThat(((ProtocolException) refused).responseCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(refused).as("the remark, trimmed").hasMessage("request type 7011 not supported");
    }

    @Test
    void anAnswerThatIsNotAFaultStateFailsTheFutureSayingWhy() {
        node.registerHandler(RequestCode.GET_FAULTS, (ctx, req) -> RemotingCommand.responseTo(req,
                ResponseCode.SUCCESS, null, null, "{\"droppedFrames\":1}".getBytes(StandardCharsets.UTF_8)), handlers);
        node.start();

        Throwable bad = failure(gateway.getFaults("127.0.0.1:" + node.port()));

        assertThat(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rules");
    }

    @Test
    void aSuccessWithoutBodyToSetFaultsMeansTheNodeAppliesWhatWasSentWithoutCounters() throws Exception {
        node.registerHandler(RequestCode.SET_FAULTS, (ctx, req) -> RemotingCommand.responseTo(req,
                ResponseCode.SUCCESS, null), handlers);
        node.start();
        FaultRules partition = new FaultRules(List.of(FaultRule.drop("*")));

        FaultReport report = await(gateway.setFaults("127.0.0.1:" + node.port(), partition));

        assertThat(report).isEqualTo(new FaultReport(partition, FaultReport.NOT_REPORTED, FaultReport.NOT_REPORTED));
    }

    @Test
    void anUnreachableNodeFailsTheFutureWithTheTransportError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        Throwable unreachable = failure(gateway.setFaults("127.0.0.1:" + closedPort, FaultRules.NONE));

        assertThat(unreachable).isInstanceOf(RemotingException.class).hasMessageContaining(":" + closedPort);
    }
}
