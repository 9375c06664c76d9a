package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Stored records and offset ids cross-checked against Apache RocketMQ 4.9.8's own code. */
class ApacheMessageCompatTest {

    private static StoredMessage ipv6WithProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(MessageConst.TAGS, "TagA");
        props.put(MessageConst.KEYS, "order-1 order-2");
        props.put(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "0A01020330390000CAFE000000000001");
        props.put("user", "值");
        return StoredMessage.builder().topic("CompatTopic").queueId(2).flag(5).queueOffset(77)
                .physicalOffset(123_456_789L).sysFlag(SysFlag.TRANSACTION_COMMIT_TYPE).bornTimestamp(1_700_000_000_000L)
                .bornHost(Fixtures.host("2001:db8::1", 40000)).storeTimestamp(1_700_000_000_321L)
                .storeHost(Fixtures.host("2001:db8::a", 10911)).reconsumeTimes(3).preparedTransactionOffset(99)
                .body("payload ✓".getBytes(StandardCharsets.UTF_8)).properties(MessageProperties.encode(props))
                .build();
    }

    private static void assertSame(MessageExt theirs, StoredMessage ours) {
        assertThat(theirs.getTopic()).isEqualTo(ours.topic());
        assertThat(theirs.getQueueId()).isEqualTo(ours.queueId());
        assertThat(theirs.getFlag()).isEqualTo(ours.flag());
        assertThat(theirs.getQueueOffset()).isEqualTo(ours.queueOffset());
        assertThat(theirs.getCommitLogOffset()).isEqualTo(ours.physicalOffset());
        assertThat(theirs.getSysFlag()).isEqualTo(ours.sysFlag());
        assertThat(theirs.getBornTimestamp()).isEqualTo(ours.bornTimestamp());
        assertThat(theirs.getBornHost()).isEqualTo(ours.bornHost());
        assertThat(theirs.getStoreTimestamp()).isEqualTo(ours.storeTimestamp());
        assertThat(theirs.getStoreHost()).isEqualTo(ours.storeHost());
        assertThat(theirs.getReconsumeTimes()).isEqualTo(ours.reconsumeTimes());
        assertThat(theirs.getPreparedTransactionOffset()).isEqualTo(ours.preparedTransactionOffset());
        assertThat(theirs.getBodyCRC()).isEqualTo(ours.bodyCrc());
        assertThat(theirs.getBody()).isEqualTo(ours.body());
        assertThat(theirs.getProperties()).isEqualTo(ours.propertyMap());
        assertThat(theirs.getStoreSize()).isEqualTo(StoredMessageCodec.encodedSize(ours));
    }

    @Test
    void apacheDecodesOurIpv6RecordWithProperties() {
        StoredMessage ours = ipv6WithProperties();
        MessageExt theirs = MessageDecoder.decode(ByteBuffer.wrap(StoredMessageCodec.encode(ours)), true, false);
        assertSame(theirs, ours);
        assertThat(theirs.getMsgId()).isEqualTo(ours.offsetMsgId());
    }

    @Test
    void apacheDecodesOurPinnedIpv4Record() {
        MessageExt theirs = MessageDecoder.decode(ByteBuffer.wrap(Fixtures.hex("stored-v1-ipv4.hex")));
        assertSame(theirs, Fixtures.ipv4Message());
        assertThat(theirs.getMsgId()).isEqualTo("C0A8000A00002A9F0000000000001A2B");
    }

    @Test
    void apacheDecodesAPullBodyOfOurRecords() {
        byte[] a = StoredMessageCodec.encode(ipv6WithProperties());
        byte[] b = Fixtures.hex("stored-v1-ipv4.hex");
        ByteBuffer body = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
        List<MessageExt> theirs = MessageDecoder.decodes(body);
        assertThat(theirs).hasSize(2);
        assertSame(theirs.get(0), ipv6WithProperties());
        assertSame(theirs.get(1), Fixtures.ipv4Message());
    }

    @Test
    void weDecodeARecordApacheEncoded() throws Exception {
        StoredMessage expected = ipv6WithProperties();
        MessageExt theirs = new MessageExt();
        theirs.setTopic(expected.topic());
        theirs.setQueueId(expected.queueId());
        theirs.setFlag(expected.flag());
        theirs.setQueueOffset(expected.queueOffset());
        theirs.setCommitLogOffset(expected.physicalOffset());
        theirs.setSysFlag(expected.sysFlag());
        theirs.setBornTimestamp(expected.bornTimestamp());
        theirs.setBornHost(expected.bornHost());
        theirs.setStoreTimestamp(expected.storeTimestamp());
        theirs.setStoreHost(expected.storeHost());
        theirs.setReconsumeTimes(expected.reconsumeTimes());
        theirs.setPreparedTransactionOffset(expected.preparedTransactionOffset());
        theirs.setBodyCRC(expected.bodyCrc());
        theirs.setBody(expected.body());
        MessageAccessor.setProperties(theirs, new LinkedHashMap<>(expected.propertyMap()));
        byte[] encoded = MessageDecoder.encode(theirs, false);
        StoredMessage ours = StoredMessageCodec.decode(ByteBuffer.wrap(encoded));
        assertThat(ours).isEqualTo(expected);
        assertThat(StoredMessageCodec.encode(ours)).isEqualTo(encoded);
    }

    @Test
    void ipv4RecordEncodedByApacheEqualsTheGoldenBytes() throws Exception {
        StoredMessage m = Fixtures.ipv4Message();
        MessageExt theirs = MessageDecoder.decode(ByteBuffer.wrap(Fixtures.hex("stored-v1-ipv4.hex")));
        theirs.setStoreSize(0);
        Map<String, String> ordered = new LinkedHashMap<>(m.propertyMap());
        MessageAccessor.setProperties(theirs, ordered);
        assertThat(MessageDecoder.encode(theirs, false)).isEqualTo(Fixtures.hex("stored-v1-ipv4.hex"));
    }

    @Test
    void offsetIdsAgreeBothWays() throws Exception {
        for (InetSocketAddress host : List.of(Fixtures.host("192.168.0.10", 10911),
                Fixtures.host("2001:db8::a", 10911), Fixtures.host("10.255.0.1", 65535))) {
            for (long offset : new long[] {0, 0x1A2B, Long.MAX_VALUE, 1L << 40}) {
                String theirs = MessageDecoder.createMessageId(host, offset);
                assertThat(MessageId.create(host, offset)).isEqualTo(theirs);
                org.apache.rocketmq.common.message.MessageId decoded = MessageDecoder.decodeMessageId(theirs);
                assertThat(MessageId.parse(theirs)).isEqualTo(new MessageId(
                        (InetSocketAddress) decoded.getAddress(), decoded.getOffset()));
            }
        }
    }
}
