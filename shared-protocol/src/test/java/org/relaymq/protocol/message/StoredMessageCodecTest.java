package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredMessageCodecTest {

    @Test
    void encodesTheIpv4RecordToThePinnedBytes() {
        StoredMessage m = Fixtures.ipv4Message();
        assertThat(StoredMessageCodec.encodedSize(m)).isEqualTo(122);
        assertThat(StoredMessageCodec.encode(m)).isEqualTo(Fixtures.hex("stored-v1-ipv4.hex"));
    }

    @Test
    void decodesThePinnedIpv4Record() {
        ByteBuffer buf = ByteBuffer.wrap(Fixtures.hex("stored-v1-ipv4.hex"));
        StoredMessage m = StoredMessageCodec.decode(buf);
        assertThat(m).isEqualTo(Fixtures.ipv4Message());
        assertThat(buf.hasRemaining()).isFalse();
        assertThat(m.tags()).isEqualTo("TagA");
        assertThat(m.keys()).isEqualTo("k1");
        assertThat(m.propertyMap()).containsExactly(
                java.util.Map.entry("KEYS", "k1"), java.util.Map.entry("TAGS", "TagA"));
        assertThat(m.tagsCode()).isEqualTo(2598919L);
        assertThat(m.offsetMsgId()).isEqualTo("C0A8000A00002A9F0000000000001A2B");
    }

    @Test
    void ipv6HostsSetTheSysFlagBitsAndMatchThePinnedBytes() {
        StoredMessage m = Fixtures.ipv6Message();
        assertThat(m.sysFlag()).isEqualTo(0x38);
        byte[] golden = Fixtures.hex("stored-v1-ipv6.hex");
        assertThat(StoredMessageCodec.encode(m)).isEqualTo(golden);
        assertThat(StoredMessageCodec.decode(ByteBuffer.wrap(golden))).isEqualTo(m);
    }

    @Test
    void ipv4MappedIpv6HostsStayIpv6() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 5};
        java.net.InetSocketAddress host = new java.net.InetSocketAddress(
                java.net.Inet6Address.getByAddress(null, mapped, -1), 54321);
        StoredMessage m = Fixtures.ipv4Message().toBuilder().bornHost(host).storeHost(host).build();
        assertThat(m.sysFlag()).isEqualTo(0x30);
        byte[] bytes = StoredMessageCodec.encode(m);
        assertThat(bytes).hasSize(122 + 24);
        StoredMessage decoded = StoredMessageCodec.decode(ByteBuffer.wrap(bytes));
        assertThat(decoded).isEqualTo(m);
        assertThat(StoredMessageCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Test
    void hostBitsFollowTheAddressesNotTheGivenFlag() {
        StoredMessage m = Fixtures.ipv4Message().toBuilder().sysFlag(0x30 | SysFlag.COMPRESSED_FLAG).build();
        assertThat(m.sysFlag()).isEqualTo(SysFlag.COMPRESSED_FLAG);
    }

    @Test
    void longTopicsUseV2WithAShortTopicLength() {
        String topic = "t".repeat(200);
        StoredMessage m = Fixtures.ipv4Message().toBuilder().topic(topic).build();
        byte[] bytes = StoredMessageCodec.encode(m);
        assertThat(bytes).hasSize(91 + 1 + 5 + 200 + 17);
        assertThat(ByteBuffer.wrap(bytes).getInt(4)).isEqualTo(StoredMessageCodec.MAGIC_CODE_V2);
        assertThat(StoredMessageCodec.decode(ByteBuffer.wrap(bytes))).isEqualTo(m);
        StoredMessage edge = m.toBuilder().topic("e".repeat(127)).build();
        assertThat(ByteBuffer.wrap(StoredMessageCodec.encode(edge)).getInt(4))
                .isEqualTo(StoredMessageCodec.MAGIC_CODE_V1);
    }

    @Test
    void multiByteTopicAndPropertiesRoundTrip() {
        StoredMessage m = Fixtures.ipv4Message().toBuilder().topic("主题-\uD83D\uDE00")
                .properties("名\u0001值\uD83D\uDE00\u0002").build();
        byte[] bytes = StoredMessageCodec.encode(m);
        assertThat(bytes).hasSize(91 + 5 + "主题-\uD83D\uDE00".getBytes(StandardCharsets.UTF_8).length
                + "名\u0001值\uD83D\uDE00\u0002".getBytes(StandardCharsets.UTF_8).length);
        assertThat(StoredMessageCodec.decode(ByteBuffer.wrap(bytes))).isEqualTo(m);
    }

    @Test
    void encodesIntoADirectBufferAtItsPosition() {
        StoredMessage m = Fixtures.ipv4Message();
        ByteBuffer target = ByteBuffer.allocateDirect(500);
        target.position(17);
        StoredMessageCodec.encode(m, target);
        assertThat(target.position()).isEqualTo(17 + 122);
        target.flip().position(17);
        assertThat(StoredMessageCodec.decode(target)).isEqualTo(m);
    }

    @Test
    void refusesATargetThatIsTooSmallWithoutWriting() {
        ByteBuffer target = ByteBuffer.allocate(121);
        assertThatThrownBy(() -> StoredMessageCodec.encode(Fixtures.ipv4Message(), target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("122");
        assertThat(target.position()).isZero();
        assertThatThrownBy(() -> StoredMessageCodec.encode(Fixtures.ipv4Message(),
                ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPropertiesLongerThanAnInt16() {
        StoredMessage m = Fixtures.ipv4Message().toBuilder().properties("a\u0001" + "v".repeat(40_000) + "\u0002")
                .build();
        assertThatThrownBy(() -> StoredMessageCodec.encodedSize(m)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void decodingWithoutBodySkipsItButKeepsTheRest() {
        ByteBuffer buf = ByteBuffer.wrap(Fixtures.hex("stored-v1-ipv4.hex"));
        StoredMessage m = StoredMessageCodec.decode(buf, false);
        assertThat(buf.position()).isEqualTo(122);
        assertThat(m.body()).isEmpty();
        assertThat(m.bodyCrc()).isEqualTo(Fixtures.ipv4Message().bodyCrc());
        assertThat(m.toBuilder().body("Hello".getBytes(StandardCharsets.UTF_8)).build())
                .isEqualTo(Fixtures.ipv4Message());
    }

    @Test
    void bodyCrcIsMaskedCrc32() {
        assertThat(StoredMessageCodec.bodyCrc("Hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x77D18982);
        assertThat(StoredMessageCodec.bodyCrc(new byte[0])).isZero();
    }

    @Test
    void decodeAllReturnsTheGoodRecordsBeforeGarbage() {
        byte[] one = Fixtures.hex("stored-v1-ipv4.hex");
        byte[] two = Fixtures.hex("stored-v1-ipv6.hex");
        ByteBuffer buf = ByteBuffer.allocate(one.length + two.length + 40);
        buf.put(one).put(two).put(new byte[] {0, 0, 0, 50, 1, 2, 3, 4}).put(new byte[32]).flip();
        List<StoredMessage> all = StoredMessageCodec.decodeAll(buf);
        assertThat(all).containsExactly(Fixtures.ipv4Message(), Fixtures.ipv6Message());
        assertThat(buf.position()).isEqualTo(one.length + two.length);
    }

    @Test
    void decodeAllStopsAtATruncatedRecord() {
        byte[] one = Fixtures.hex("stored-v1-ipv4.hex");
        ByteBuffer buf = ByteBuffer.allocate(one.length * 2 - 1);
        buf.put(one).put(one, 0, one.length - 1).flip();
        assertThat(StoredMessageCodec.decodeAll(buf)).containsExactly(Fixtures.ipv4Message());
    }

    @Test
    void blankMarkerIsRecognisedAndNotDecoded() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        StoredMessageCodec.encodeBlank(buf, 64);
        buf.flip();
        assertThat(buf.getInt(4)).isEqualTo(0xCBD43194).isEqualTo(-875286124);
        assertThat(StoredMessageCodec.isBlank(buf)).isTrue();
        assertThat(StoredMessageCodec.isBlank(ByteBuffer.wrap(Fixtures.hex("stored-v1-ipv4.hex")))).isFalse();
        assertThatThrownBy(() -> StoredMessageCodec.decode(buf)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("end-of-file");
        assertThat(buf.position()).isZero();
    }

    @Test
    void magicConstantsAreTheDocumentedInts() {
        assertThat(StoredMessageCodec.MAGIC_CODE_V1).isEqualTo(-626843481);
        assertThat(StoredMessageCodec.MAGIC_CODE_V2).isEqualTo(-626843477);
    }
}
