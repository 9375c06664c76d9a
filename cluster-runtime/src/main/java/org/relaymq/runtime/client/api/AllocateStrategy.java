package org.relaymq.runtime.client.api;

import java.util.List;
import org.relaymq.protocol.body.MessageQueue;

/** Which of a topic's queues one consumer of a clustering group takes. Both lists arrive sorted. */
@FunctionalInterface
public interface AllocateStrategy {

    List<MessageQueue> allocate(String consumerGroup, String currentId, List<MessageQueue> queues,
                                List<String> consumerIds);

    /**
     * Apache's default (AllocateMessageQueueAveragely): contiguous blocks, the earlier consumers of the
     * sorted id list take one extra queue each when the division is not even.
     */
    static AllocateStrategy averagely() {
        return (group, currentId, queues, ids) -> {
            int index = ids.indexOf(currentId);
            if (index < 0 || queues.isEmpty()) {
                return List.of();
            }
            int n = queues.size();
            int c = ids.size();
            int mod = n % c;
            int size = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c);
            int start = mod > 0 && index < mod ? index * size : index * size + mod;
            int range = Math.min(size, n - start);
            return range <= 0 ? List.of() : List.copyOf(queues.subList(start, start + range));
        };
    }
}
