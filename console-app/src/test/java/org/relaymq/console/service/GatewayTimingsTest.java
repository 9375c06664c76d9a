package org.relaymq.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayTimingsTest {

    private static final NodeStatus BROKER = new NodeStatus("broker-a", "broker", NodeState.RUNNING, "", 1,
            "127.0.0.1:10911", 0);

    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final GatewayTimings timings = new GatewayTimings(gateway);

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void theExpiryIsWhatTheNameServersSayTheLongestOfThem() {
        gateway.watch("127.0.0.1:9876");
        gateway.watch("127.0.0.1:9877");
        gateway.info("127.0.0.1:9876", json("{\"role\":\"namesrv\",\"intervals\":{\"brokerExpiryMs\":12000}}"));
        gateway.info("127.0.0.1:9877", json("{\"role\":\"namesrv\",\"intervals\":{\"brokerExpiryMs\":20000}}"));
        gateway.info(BROKER.address(), json("{\"role\":\"broker\",\"profile\":\"classic\","
                + "\"intervals\":{\"registerMs\":3000}}"));

        assertThat(timings.brokerExpiry(BROKER)).contains(Duration.ofSeconds(20));
        assertThat(timings.registerInterval(BROKER)).contains(Duration.ofSeconds(3));
    }

    @Test
    void withoutNameServerInfoTheBrokersProfileDecidesAndWithoutThatNothingIsKnown() {
        assertThat(timings.brokerExpiry(BROKER)).isEmpty();
        assertThat(timings.registerInterval(BROKER)).isEmpty();
        gateway.info(BROKER.address(), json("{\"role\":\"broker\",\"profile\":\"classroom\"}"));
        assertThat(timings.brokerExpiry(BROKER)).contains(Duration.ofSeconds(12));
        gateway.info(BROKER.address(), json("{\"role\":\"broker\",\"profile\":\"custom\"}"));
        assertThat(timings.brokerExpiry(BROKER)).isEmpty();
    }
}
