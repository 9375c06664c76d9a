package org.relaymq.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;

class NodeEventCodecTest {

    @Test
    void encodesTheEnvelopeInTheDocumentedFieldOrder() {
        NodeEvent e = new NodeEvent(7, 1_700_000_000_000L, "namesrv@127.0.0.1:9876", EventKind.BROKER_EXPIRED,
                EventData.create().put("brokerName", "broker-a").put("idleMs", 121_000L).build());

        assertThat(NodeEventCodec.encode(e)).isEqualTo(
                "{\"seq\":7,\"ts\":1700000000000,\"node\":\"namesrv@127.0.0.1:9876\",\"kind\":\"BROKER_EXPIRED\","
                        + "\"data\":{\"brokerName\":\"broker-a\",\"idleMs\":121000}}");
    }

    @Test
    void roundTripsThroughTextAndBytes() {
        JsonArray brokers = new JsonArray();
        brokers.add("broker-a");
        NodeEvent e = new NodeEvent(1, 2, NodeEvent.nodeName("namesrv", "h:1"), EventKind.SCAN,
                EventData.create().put("checked", 3).put("changed", true).put("brokers", brokers).build());

        NodeEvent back = NodeEventCodec.decodeBytes(NodeEventCodec.encodeBytes(e));

        assertThat(back).isEqualTo(e);
        assertThat(back.node()).isEqualTo("namesrv@h:1");
        assertThat(back.number("checked", -1)).isEqualTo(3);
        assertThat(back.flag("changed")).isTrue();
        assertThat(back.text("missing")).isNull();
    }

    @Test
    void roundTripsAList() {
        List<NodeEvent> events = List.of(new NodeEvent(1, 10, "n@h:1", EventKind.ROLE, null),
                new NodeEvent(2, 11, "n@h:1", EventKind.DROPPED, EventData.create().put("count", 5).build()));

        assertThat(NodeEventCodec.decodeList(NodeEventCodec.encodeList(events))).isEqualTo(events);
    }

    @Test
    void missingDataBecomesAnEmptyObjectAndUnknownKindsParse() {
        NodeEvent e = NodeEventCodec.decode("{\"seq\":1,\"ts\":2,\"node\":\"x@h:1\",\"kind\":\"FUTURE_KIND\"}");

        assertThat(e.data().size()).isZero();
        assertThat(EventKind.isKnown(e.kind())).isFalse();
    }

    @Test
    void eventsAreImmutable() {
        NodeEvent e = new NodeEvent(1, 2, "x@h:1", EventKind.ROLE, EventData.create().put("role", "MASTER").build());

        e.data().addProperty("role", "SLAVE");

        assertThat(e.text("role")).isEqualTo("MASTER");
    }

    @Test
    void malformedInputIsAProtocolError() {
        assertThatThrownBy(() -> NodeEventCodec.decode("{\"ts\":2,\"node\":\"x\",\"kind\":\"K\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("seq");
        assertThatThrownBy(() -> NodeEventCodec.decode("[1,2"))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void everyDocumentedKindIsKnown() {
        assertThat(EventKind.ALL).contains(EventKind.BROKER_REGISTERED, EventKind.ROUTE_SERVED,
                EventKind.REGISTER_SENT, EventKind.REBALANCE, EventKind.FAULTS, EventKind.DROPPED).hasSize(24);
    }
}
