package org.relaymq.runtime.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.MessageQueue;

class AllocateStrategyTest {

    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue(i < n / 2 ? "broker-a" : "broker-b", i, "T"));
        }
        return out;
    }

    @Test
    void contiguousBlocksWithTheExtraQueuesOnTheEarlierConsumers() {
        List<MessageQueue> qs = queues(8);
        List<String> ids = List.of("c1", "c2", "c3");
        AllocateStrategy avg = AllocateStrategy.averagely();
        assertThat(avg.allocate("g", "c1", qs, ids)).containsExactlyElementsOf(qs.subList(0, 3));
        assertThat(avg.allocate("g", "c2", qs, ids)).containsExactlyElementsOf(qs.subList(3, 6));
        assertThat(avg.allocate("g", "c3", qs, ids)).containsExactlyElementsOf(qs.subList(6, 8));
    }

    @Test
    void moreConsumersThanQueuesLeavesTheLastOnesIdleAndUnknownIdsGetNothing() {
        List<MessageQueue> qs = queues(2);
        List<String> ids = List.of("a", "b", "c");
        AllocateStrategy avg = AllocateStrategy.averagely();
        assertThat(avg.allocate("g", "a", qs, ids)).containsExactly(qs.get(0));
        assertThat(avg.allocate("g", "b", qs, ids)).containsExactly(qs.get(1));
        assertThat(avg.allocate("g", "c", qs, ids)).isEmpty();
        assertThat(avg.allocate("g", "z", qs, ids)).isEmpty();
    }

    @Test
    void everyQueueIsAssignedExactlyOnce() {
        for (int n = 1; n <= 12; n++) {
            for (int c = 1; c <= 5; c++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < c; i++) {
                    ids.add("id" + i);
                }
                List<MessageQueue> all = new ArrayList<>();
                for (String id : ids) {
                    all.addAll(AllocateStrategy.averagely().allocate("g", id, queues(n), ids));
                }
                assertThat(all).containsExactlyElementsOf(queues(n));
            }
        }
    }
}
