package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.SystemTopics;

/** §6.3: a SCHEDULE_TOPIC_XXXX entry's tagsCode is its delivery time under the broker's messageDelayLevel. */
class ScheduledTagsCodeTest {

    @TempDir
    Path dir;

    private static long tagsCode(DefaultMessageStore store, int queueId, long logical) {
        return store.queues().find(SystemTopics.SCHEDULE_TOPIC, queueId).entry(logical).tagsCode();
    }

    @Test
    void delayedEntryCarriesTheDeliveryTimeOfTheConfiguredLevelAlsoAfterRebuild() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir, DelayLevels.parse("2s 7s"))) {
            AppendResult level2 = f.store.put(TestMessages.withProperties(SystemTopics.SCHEDULE_TOPIC, 1, "later",
                    Map.of(MessageConst.DELAY_TIME_LEVEL, "2", MessageConst.REAL_TOPIC, "T",
                            MessageConst.REAL_QUEUE_ID, "0"))).first();
            assertThat(tagsCode(f.store, 1, 0)).isEqualTo(level2.storeTimestamp() + 7_000);

            f.store.close();
            RecoveryTest.deleteTree(f.config.consumeQueueDir());
            DefaultMessageStore rebuilt = f.restart();
            assertThat(tagsCode(rebuilt, 1, 0)).as("rebuilt from the commit log")
                    .isEqualTo(level2.storeTimestamp() + 7_000);
        }
    }
}
