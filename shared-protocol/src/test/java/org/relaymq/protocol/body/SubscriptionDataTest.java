package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionDataTest {

    @Test
    void tagsAreSplitOnDoubleBarTrimmedAndHashed() {
        SubscriptionData sub = SubscriptionData.of("T", " TagA || TagB ||  || TagA", 5L);
        assertThat(sub.tagsSet()).containsExactly("TagA", "TagB");
        assertThat(sub.codeSet()).containsExactly("TagA".hashCode(), "TagB".hashCode());
        assertThat(sub.subString()).isEqualTo(" TagA || TagB ||  || TagA");
        assertThat(sub.expressionType()).isEqualTo("TAG");
        assertThat(sub.subVersion()).isEqualTo(5L);
        assertThat(sub.subscribesAll()).isFalse();
    }

    @Test
    void starEmptyOrNullSubscribeToAll() {
        for (String expression : new String[] {"*", "", " * ", null}) {
            SubscriptionData sub = SubscriptionData.of("T", expression, 1L);
            assertThat(sub.subString()).isEqualTo("*");
            assertThat(sub.tagsSet()).isEmpty();
            assertThat(sub.codeSet()).isEmpty();
            assertThat(sub.subscribesAll()).isTrue();
        }
    }

    @Test
    void missingExpressionTypeReadsAsTag() {
        String json = "{\"codeSet\":[],\"subString\":\"*\",\"subVersion\":1,\"tagsSet\":[],\"topic\":\"T\"}";
        SubscriptionData sub = ProtocolJson.decode(json.getBytes(), SubscriptionData.class);
        assertThat(sub.expressionType()).isEqualTo(SubscriptionData.EXPRESSION_TAG);
    }

    @Test
    void subscriptionGroupConfigMissingKeysTakeApacheDefaults() {
        SubscriptionGroupConfig config = SubscriptionGroupConfig.decode(
                "{\"groupName\":\"cg\",\"consumeEnable\":false,\"retryQueueNums\":3,\"groupSysFlag\":0}".getBytes());
        assertThat(config).isEqualTo(new SubscriptionGroupConfig(0, true, false, true, "cg", true, 16, 3, 1));
    }

    @Test
    void messageQueuesOrderByTopicThenBrokerThenQueue() {
        MessageQueue a = MessageQueue.of("A", "b2", 0);
        MessageQueue b = MessageQueue.of("B", "b1", 5);
        MessageQueue c = MessageQueue.of("B", "b2", 1);
        MessageQueue d = MessageQueue.of("B", "b2", 2);
        assertThat(new java.util.TreeSet<>(java.util.List.of(d, c, b, a))).containsExactly(a, b, c, d);
    }
}
