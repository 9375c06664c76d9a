package org.relaymq.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingServerConfig;

/** SET_FAULTS and GET_FAULTS as a caller sees them: over loopback, through the node's handler table. */
class FaultsHandlersTest {

    private static final String APPLIES_TO = "connections this node opened";

    private final ExecutorScheduler scheduler = new ExecutorScheduler("faults-handlers-test-timer", 1);
    private final ExecutorService pool = Executors2.fixedBounded("faults-handlers-test", 1, 16);
    private final RecordingEvents events = new RecordingEvents();
    private final NetworkFaultTable faults = new NetworkFaultTable(APPLIES_TO);
    private final NettyRemotingServer server = new NettyRemotingServer(RemotingServerConfig.defaults()
            .withName("faults-handlers-test-server").withBindHost("127.0.0.1"), scheduler);
    private final NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults()
            .withName("faults-handlers-test-client"), scheduler, TimeSource.system());
    private final String node;

    FaultsHandlersTest() {
        server.registerHandler(RequestCode.SET_FAULTS, new SetFaultsHandler(faults, events), pool);
        server.registerHandler(RequestCode.GET_FAULTS, new GetFaultsHandler(faults), pool);
        server.start();
        node = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        Executors2.shutdownAndAwait(pool, Duration.ofSeconds(3));
        scheduler.close();
    }

    private RemotingCommand call(int code, byte[] body) throws Exception {
        return client.invokeSync(node, RemotingCommand.request(code, Map.of(), body), 3000);
    }

    private static JsonObject json(RemotingCommand answer) {
        return JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void setFaultsReplacesTheRulesAnswersTheStateAndPublishesTheChange() throws Exception {
        FaultRules rules = new FaultRules(List.of(FaultRule.drop("127.0.0.1:9876"), FaultRule.delay("*", 500)));

        RemotingCommand set = call(RequestCode.SET_FAULTS, rules.encode());

        assertThat(set.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(set.body(), StandardCharsets.UTF_8)).isEqualTo("{\"rules\":["
                + "{\"peer\":\"127.0.0.1:9876\",\"action\":\"DROP\"},{\"peer\":\"*\",\"action\":\"DELAY\",\"delayMillis\":500}],"
                + "\"droppedFrames\":0,\"delayedFrames\":0,\"openConnections\":0,\"appliesTo\":\"" + APPLIES_TO + "\"}");
        assertThat(faults.rules()).isEqualTo(rules);
        RecordingEvents.Event event = events.ofKind(EventKind.FAULTS).get(0);
        assertThat(event.text("summary")).isEqualTo("drop 127.0.0.1:9876, delay 500 ms *");
        assertThat(event.data().get("rules")).isEqualTo(rules.toJson().get("rules"));
        assertThat(event.data().getAsJsonArray("previous")).isEmpty();
        assertThat(event.text("appliesTo")).isEqualTo(APPLIES_TO);

        RemotingCommand get = call(RequestCode.GET_FAULTS, null);
        assertThat(get.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(json(get)).isEqualTo(json(set));

        RemotingCommand heal = call(RequestCode.SET_FAULTS, FaultRules.NONE.encode());
        assertThat(json(heal).getAsJsonArray("rules")).isEmpty();
        assertThat(faults.rules().isEmpty()).isTrue();
        RecordingEvents.Event healed = events.ofKind(EventKind.FAULTS).get(1);
        assertThat(healed.text("summary")).isEqualTo("healed");
        assertThat(healed.data().get("previous")).isEqualTo(rules.toJson().get("rules"));
    }

    @Test
    void aBadBodyIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        FaultRules before = new FaultRules(List.of(FaultRule.drop("127.0.0.1:9876")));
        assertThat(call(RequestCode.SET_FAULTS, before.encode()).code()).isEqualTo(ResponseCode.SUCCESS);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "SET_FAULTS needs a body");
        cases.put("drop everything", "fault rules are not JSON");
        cases.put("[]", "fault rules must be {\"rules\":[...]}");
        cases.put("{\"rules\":[{\"peer\":\"127.0.0.1:9876\",\"action\":\"EXPLODE\"}]}", "unknown fault action 'EXPLODE'");
        cases.put("{\"rules\":[{\"peer\":\"nocolon\",\"action\":\"DROP\"}]}", "peer is not host:port: 'nocolon'");
        cases.put("{\"rules\":[{\"peer\":\"127.0.0.1:70000\",\"action\":\"DROP\"}]}", "peer port out of range");
        cases.put("{\"rules\":[{\"peer\":\"*\",\"action\":\"DELAY\"}]}", "a DELAY needs delayMillis");
        cases.put("{\"rules\":[{\"peer\":\"no-such-host.invalid:9876\",\"action\":\"DROP\"}]}",
                "cannot resolve the host of peer no-such-host.invalid:9876");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            RemotingCommand answer = call(RequestCode.SET_FAULTS, c.getKey().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.code()).as(c.getKey()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(answer.remark()).as(c.getKey()).startsWith("bad fault rules: ").contains(c.getValue());
        }
        assertThat(faults.rules()).isEqualTo(before);
        assertThat(events.ofKind(EventKind.FAULTS)).hasSize(1);
    }
}
