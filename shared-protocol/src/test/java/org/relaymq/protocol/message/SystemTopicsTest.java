package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemTopicsTest {

    @Test
    void retryAndDlqNames() {
        assertThat(SystemTopics.retryTopic("g1")).isEqualTo("%RETRY%g1");
        assertThat(SystemTopics.dlqTopic("g1")).isEqualTo("%DLQ%g1");
        assertThat(SystemTopics.isRetryTopic("%RETRY%g1")).isTrue();
        assertThat(SystemTopics.isRetryTopic("%DLQ%g1")).isFalse();
        assertThat(SystemTopics.isDlqTopic("%DLQ%g1")).isTrue();
        assertThat(SystemTopics.isDlqTopic(null)).isFalse();
        assertThat(SystemTopics.groupOf("%RETRY%g1")).isEqualTo("g1");
        assertThat(SystemTopics.groupOf("%DLQ%g2")).isEqualTo("g2");
        assertThat(SystemTopics.groupOf("plain")).isNull();
    }

    @Test
    void defaults() {
        assertThat(SystemTopics.SCHEDULE_TOPIC).isEqualTo("SCHEDULE_TOPIC_XXXX");
        assertThat(SystemTopics.effectiveMaxReconsumeTimes(-1)).isEqualTo(16);
        assertThat(SystemTopics.effectiveMaxReconsumeTimes(3)).isEqualTo(3);
        assertThat(SystemTopics.offsetKey("t", "g")).isEqualTo("t@g");
    }
}
