package org.relaymq.runtime.broker.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaymq.protocol.body.ConsumeStats;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.OffsetWrapper;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetConsumeStatsRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ConsumerGroupSnapshot;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * GET_CONSUME_STATS (208): per queue of the group's topics (the given one, else every topic the group has
 * offsets on) the broker's max offset, the group's offset and the store time of its last consumed message.
 * Topics an online group does not subscribe are left out, as Apache does.
 */
public final class GetConsumeStatsHandler implements RequestHandler {

    private final MessagingContext ctx;

    public GetConsumeStatsHandler(MessagingContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        GetConsumeStatsRequestHeader h = GetConsumeStatsRequestHeader.fromExt(request.ext());
        String group = h.consumerGroup();
        Map<MessageQueue, OffsetWrapper> table = new TreeMap<>();
        ConsumerGroupSnapshot online = ctx.consumers().group(group).orElse(null);
        for (String topic : topicsOf(group, h.topic())) {
            TopicConfig config = ctx.topics().find(topic).orElse(null);
            if (config == null || (online != null && !online.subscriptions().isEmpty()
                    && !online.subscriptions().containsKey(topic))) {
                continue;
            }
            for (int i = 0; i < config.readQueueNums(); i++) {
                table.put(new MessageQueue(ctx.broker().brokerName(), i, topic), offsetOf(group, topic, i));
            }
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                new ConsumeStats(0.0, table).encode());
    }

    private List<String> topicsOf(String group, String topic) {
        if (topic != null && !topic.isBlank()) {
            return List.of(topic);
        }
        List<String> topics = new ArrayList<>();
        for (String candidate : ctx.topics().topics().keySet()) {
            if (!ctx.offsets().offsets(group, candidate).isEmpty()) {
                topics.add(candidate);
            }
        }
        return topics;
    }

    private OffsetWrapper offsetOf(String group, String topic, int queueId) {
        long brokerOffset = Math.max(0, ctx.store().maxOffsetInQueue(topic, queueId));
        long consumerOffset = Math.max(0, ctx.offsets().queryOffset(group, topic, queueId));
        long last = consumerOffset > 0
                ? Math.max(0, ctx.store().messageStoreTime(topic, queueId, consumerOffset - 1)) : 0;
        return new OffsetWrapper(brokerOffset, consumerOffset, last);
    }
}
