package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void documentedExample() {
        InetSocketAddress broker = Fixtures.host("192.168.0.10", 10911);
        assertThat(MessageId.create(broker, 0x1A2B)).isEqualTo("C0A8000A00002A9F0000000000001A2B");
        MessageId parsed = MessageId.parse("C0A8000A00002A9F0000000000001A2B");
        assertThat(parsed.storeHost()).isEqualTo(broker);
        assertThat(parsed.commitLogOffset()).isEqualTo(0x1A2B);
        assertThat(parsed.toHex()).isEqualTo("C0A8000A00002A9F0000000000001A2B");
    }

    @Test
    void lowercaseIsAccepted() {
        assertThat(MessageId.parse("c0a8000a00002a9f0000000000001a2b").commitLogOffset()).isEqualTo(0x1A2B);
    }

    @Test
    void ipv6IdsAre56HexDigits() {
        InetSocketAddress broker = Fixtures.host("2001:db8::a", 10911);
        String id = MessageId.create(broker, Long.MAX_VALUE);
        assertThat(id).hasSize(56).isEqualTo("20010DB800000000000000000000000A00002A9F7FFFFFFFFFFFFFFF");
        assertThat(MessageId.parse(id)).isEqualTo(new MessageId(broker, Long.MAX_VALUE));
    }

    @Test
    void badIdsAreTypedErrors() {
        for (String bad : new String[] {null, "", "C0A8", "C0A8000A00002A9F0000000000001A2", "XYZ8000A00002A9F0000000000001A2B",
                "C0A8000AFFFFFFFF0000000000001A2B"}) {
            assertThatThrownBy(() -> MessageId.parse(bad)).isInstanceOf(MalformedMessageException.class);
        }
        assertThat(MessageId.looksLikeOffsetId("C0A8000A00002A9F0000000000001A2B")).isTrue();
        assertThat(MessageId.looksLikeOffsetId("G0A8000A00002A9F0000000000001A2B")).isFalse();
    }
}
