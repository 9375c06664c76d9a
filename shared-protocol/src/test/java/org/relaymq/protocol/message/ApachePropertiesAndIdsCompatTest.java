package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.filter.FilterAPI;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.sysflag.MessageSysFlag;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.junit.jupiter.api.Test;

/** Properties, batch bodies, unique keys and constants cross-checked against Apache RocketMQ 4.9.8. */
class ApachePropertiesAndIdsCompatTest {

    @Test
    void propertiesStringsAgreeBothWays() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("TAGS", "TagA");
        props.put("none", null);
        props.put("empty", "");
        props.put("KEYS", "a b");
        props.put("名", "值✓");
        String ours = MessageProperties.encode(props);
        assertThat(ours).isEqualTo(MessageDecoder.messageProperties2String(props));
        assertThat(MessageProperties.parse(ours)).isEqualTo(MessageDecoder.string2messageProperties(ours));
        for (String s : new String[] {"", "a\u00011", "a\u00011\u0002", "\u0001v\u0002k\u0001\u0002xy\u0002",
                "a\u00011\u0002a\u00012", "C\u0001a\u0001b\u0002\u0002\u0002d\u0001e", "ab", "\u0001\u0001\u0001"}) {
            assertThat(MessageProperties.parse(s)).as(s).isEqualTo(MessageDecoder.string2messageProperties(s));
        }
    }

    @Test
    void batchBodyEqualsApaches() throws Exception {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("BatchTopic", "TagA", "k1", "one".getBytes(StandardCharsets.UTF_8)));
        Message second = new Message("BatchTopic", "TagB", "two ✓".getBytes(StandardCharsets.UTF_8));
        second.setFlag(42);
        second.putUserProperty("user", "v");
        messages.add(second);
        messages.add(new Message("BatchTopic", new byte[0]));
        byte[] theirs = MessageBatch.generateFromList(messages).encode();

        List<BatchCodec.Entry> entries = new ArrayList<>();
        for (Message m : messages) {
            entries.add(new BatchCodec.Entry(m.getFlag(), m.getBody(),
                    MessageProperties.encode(new LinkedHashMap<>(m.getProperties()))));
        }
        assertThat(BatchCodec.encode(entries)).isEqualTo(theirs);
        assertThat(BatchCodec.decode(theirs)).isEqualTo(entries);
        List<Message> decoded = MessageDecoder.decodeMessages(ByteBuffer.wrap(BatchCodec.encode(entries)));
        assertThat(decoded).hasSize(3);
        assertThat(decoded.get(1).getProperties()).isEqualTo(second.getProperties());
        assertThat(decoded.get(1).getFlag()).isEqualTo(42);
    }

    @Test
    void apacheParsesOurUniqueKeys() {
        long generatedAt = System.currentTimeMillis() - 5_000;
        byte[] ip = {10, 1, 2, 3};
        UniqueKeyGenerator gen = new UniqueKeyGenerator(ip, 12345, 0x5EED, () -> generatedAt);
        String key = gen.next();
        assertThat(key).hasSize(32);
        assertThat(MessageClientIDSetter.getIPStrFromID(key)).isEqualTo("10.1.2.3");
        assertThat(MessageClientIDSetter.getPidFromID(key)).isEqualTo(12345);
        assertThat(MessageClientIDSetter.getNearlyTimeFromID(key).getTime()).isEqualTo(generatedAt);
    }

    @Test
    void apacheParsesOurIpv6UniqueKeys() throws Exception {
        long generatedAt = System.currentTimeMillis() - 5_000;
        java.net.InetAddress v6 = java.net.InetAddress.getByName("2001:db8::1");
        String key = new UniqueKeyGenerator(v6.getAddress(), 4321, 7, () -> generatedAt).next();
        assertThat(key).hasSize(56);
        assertThat(MessageClientIDSetter.getIPFromID(key)).isEqualTo(v6.getAddress());
        assertThat(MessageClientIDSetter.getPidFromID(key)).isEqualTo(4321);
        assertThat(MessageClientIDSetter.getNearlyTimeFromID(key).getTime()).isEqualTo(generatedAt);
    }

    @Test
    void weParseApachesUniqueKeys() {
        long before = System.currentTimeMillis();
        String theirs = MessageClientIDSetter.createUniqID();
        long after = System.currentTimeMillis();
        UniqueKeyGenerator.Parsed parsed = UniqueKeyGenerator.parse(theirs, after, java.time.ZoneId.systemDefault());
        assertThat(parsed.ip().getAddress()).isEqualTo(MessageClientIDSetter.getIPFromID(theirs));
        assertThat(parsed.pid()).isEqualTo(MessageClientIDSetter.getPidFromID(theirs));
        assertThat(parsed.nearlyTimestamp()).isBetween(before, after);
    }

    @Test
    void tagCodeSetsMatchApachesSubscriptionData() throws Exception {
        for (String sub : new String[] {"TagA || TagB", " TagA ||  TagC  ", "negative-hash-tag", "*"}) {
            assertThat(TagHash.codeSet(sub)).as(sub)
                    .isEqualTo(FilterAPI.buildSubscriptionData("t", sub).getCodeSet());
        }
    }

    @Test
    void constantsMatchApaches() throws Exception {
        assertThat(SystemTopics.retryTopic("g")).isEqualTo(MixAll.getRetryTopic("g"));
        assertThat(SystemTopics.dlqTopic("g")).isEqualTo(MixAll.getDLQTopic("g"));
        assertThat(SystemTopics.SCHEDULE_TOPIC).isEqualTo(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC);
        assertThat(SystemTopics.TRANS_HALF_TOPIC).isEqualTo(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC);
        assertThat(SystemTopics.TRANS_OP_HALF_TOPIC).isEqualTo(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC);
        assertThat(StoredMessageCodec.MAGIC_CODE_V1).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE);
        int compared = 0;
        for (Field ours : MessageConst.class.getFields()) {
            Field theirs = field(org.apache.rocketmq.common.message.MessageConst.class, "PROPERTY_" + ours.getName());
            if (theirs != null) {
                assertThat(ours.get(null)).as(ours.getName()).isEqualTo(theirs.get(null));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
        for (Field ours : SysFlag.class.getFields()) {
            Field theirs = field(MessageSysFlag.class, ours.getName());
            if (theirs != null && Modifier.isStatic(theirs.getModifiers())) {
                assertThat(ours.get(null)).as(ours.getName()).isEqualTo(theirs.get(null));
            }
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
