package org.relaymq.runtime.broker.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicOffset;
import org.relaymq.protocol.body.TopicStatsTable;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetTopicStatsInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_TOPIC_STATS_INFO (202): min/max offset and last store time per write queue; unknown topic → 17. */
public final class GetTopicStatsInfoHandler implements RequestHandler {

    private final MessagingContext ctx;

    public GetTopicStatsInfoHandler(MessagingContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        GetTopicStatsInfoRequestHeader h = GetTopicStatsInfoRequestHeader.fromExt(request.ext());
        TopicConfig topic = ctx.topics().find(h.topic()).orElse(null);
        if (topic == null) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + h.topic() + "] not exist");
        }
        Map<MessageQueue, TopicOffset> table = new LinkedHashMap<>();
        for (int i = 0; i < topic.writeQueueNums(); i++) {
            long max = Math.max(0, ctx.store().maxOffsetInQueue(h.topic(), i));
            long min = Math.max(0, ctx.store().minOffsetInQueue(h.topic(), i));
            long last = max > 0 ? Math.max(0, ctx.store().messageStoreTime(h.topic(), i, max - 1)) : 0;
            table.put(new MessageQueue(ctx.broker().brokerName(), i, h.topic()), new TopicOffset(last, max, min));
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                new TopicStatsTable(table).encode());
    }
}
