package org.relaymq.runtime.broker.messaging;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.message.BatchCodec;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.SysFlag;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.remoting.RequestContext;

/**
 * The send path shared by SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320), following
 * protocol.md §4.2. Appends through the store's asynchronous put, so a SYNC_FLUSH wait does not hold a
 * handler thread; bad input is refused before anything is stored (a batch is all or nothing).
 */
public final class SendMessageService {

    /** Apache's {@code MQVersion} ordinal of V3_4_9, from which the header's maxReconsumeTimes is honoured. */
    static final int MAX_RECONSUME_HEADER_VERSION = 121;

    private final MessagingContext ctx;
    private final SendTargets targets;
    private volatile ReplicationWait replication = ReplicationWait.NONE;

    public SendMessageService(MessagingContext ctx) {
        this.ctx = ctx;
        this.targets = new SendTargets(ctx);
    }

    /** What a SYNC_MASTER waits for before answering (the broker's HA service); none by default. */
    public void replicationWait(ReplicationWait wait) {
        this.replication = java.util.Objects.requireNonNull(wait, "wait");
    }

    /** A put and what replication said about it. */
    private record Stored(PutMessageResult result, ReplicationWait.Verdict verdict) {
    }

    private CompletableFuture<Stored> replicated(CompletableFuture<PutMessageResult> put, boolean waitStoreMsgOk) {
        ReplicationWait r = replication;
        return put.thenCompose(result -> r.await(result, waitStoreMsgOk).thenApply(v -> new Stored(result, v)));
    }

    /** One message (codes 10 and 310). Returns the response, or null when it will be given through {@code rc}. */
    public RemotingCommand send(RequestContext rc, RemotingCommand request, SendMessageRequestHeader h) {
        SendTargets.Target target = targets.resolve(h.topic(), h.defaultTopic(), h.defaultTopicQueueNums(),
                h.queueId());
        Map<String, String> props = MessageRewrites.parseStrict(h.properties());
        MessageRewrites.checkBodyLength(request.body().length, ctx.store().config().maxMessageSize());
        int reconsumeTimes = h.reconsumeTimes() == null ? 0 : h.reconsumeTimes();
        Integer headerMax = request.version() >= MAX_RECONSUME_HEADER_VERSION ? h.maxReconsumeTimes() : null;
        SendTargets.Target dlq = targets.deadLetterTarget(h.topic(), reconsumeTimes, headerMax);
        SendTargets.Target effective = dlq != null ? dlq : target;
        boolean waitStoreMsgOk = !"false".equals(props.remove(MessageConst.WAIT_STORE_MSG_OK));
        props.put(MessageConst.CLUSTER, ctx.broker().brokerClusterName());
        Placement placement = new Placement(effective.topic().topicName(), effective.queueId(), props,
                sysFlagFor(h.sysFlag(), effective.topic()));
        if (dlq != null) {
            placement = placement.withoutDelay();
        }
        placement = placement.isTransactionPrepared() ? placement.halfMessage() : placement.scheduled(ctx.delayLevels());
        StoredMessage message = StoredMessage.builder().topic(placement.topic()).queueId(placement.queueId())
                .flag(h.flag()).sysFlag(placement.sysFlag()).bornTimestamp(h.bornTimestamp())
                .bornHost(bornHost(rc)).storeHost(ctx.currentStoreHost()).reconsumeTimes(reconsumeTimes)
                .body(request.body()).properties(MessageRewrites.encodeChecked(placement.properties())).build();
        CompletableFuture<Stored> stored = replicated(ctx.store().putAsync(message, waitStoreMsgOk), waitStoreMsgOk);
        int queueId = effective.queueId();
        return SendResponses.answer(rc, stored, s -> SendResponses.toResponse(request, s.result(), s.verdict(),
                queueId, ctx.broker().regionId(), ctx.broker().traceOn()));
    }

    /** A batch (code 320): every entry is checked first, then all are appended atomically. */
    public RemotingCommand sendBatch(RequestContext rc, RemotingCommand request, SendMessageRequestHeader h) {
        if (SystemTopics.isRetryTopic(h.topic())) {
            throw MessageRewrites.illegal("batch request does not support retry group " + h.topic());
        }
        SendTargets.Target target = targets.resolve(h.topic(), h.defaultTopic(), h.defaultTopicQueueNums(),
                h.queueId());
        List<BatchCodec.Entry> entries = BatchCodec.decode(request.body());
        if (entries.isEmpty()) {
            throw MessageRewrites.illegal("the batch body holds no message");
        }
        Map<String, String> batchProps = MessageRewrites.parseStrict(h.properties());
        boolean waitStoreMsgOk = !"false".equals(batchProps.get(MessageConst.WAIT_STORE_MSG_OK));
        batchProps.put(MessageConst.CLUSTER, ctx.broker().brokerClusterName());
        String batchPropsString = MessageRewrites.encodeChecked(batchProps);
        List<StoredMessage> messages = new ArrayList<>(entries.size());
        InetSocketAddress born = bornHost(rc);
        int sysFlag = sysFlagFor(h.sysFlag(), target.topic());
        for (BatchCodec.Entry e : entries) {
            MessageRewrites.parseStrict(e.properties());
            MessageRewrites.checkBodyLength(e.body().length, ctx.store().config().maxMessageSize());
            String merged = BatchCodec.mergeProperties(e.properties(), batchPropsString);
            MessageRewrites.checkPropertiesLength(merged);
            messages.add(StoredMessage.builder().topic(target.topic().topicName()).queueId(target.queueId())
                    .flag(e.flag()).sysFlag(sysFlag).bornTimestamp(h.bornTimestamp()).bornHost(born)
                    .storeHost(ctx.currentStoreHost()).reconsumeTimes(h.reconsumeTimes() == null ? 0
                            : h.reconsumeTimes()).body(e.body()).properties(merged).build());
        }
        CompletableFuture<Stored> stored = replicated(ctx.store().putBatchAsync(messages, waitStoreMsgOk), waitStoreMsgOk);
        return SendResponses.answer(rc, stored, s -> SendResponses.toResponse(request, s.result(), s.verdict(),
                target.queueId(), ctx.broker().regionId(), ctx.broker().traceOn()));
    }

    private static int sysFlagFor(int requested, TopicConfig topic) {
        return topic.topicFilterType() == TopicFilterType.MULTI_TAG ? requested | SysFlag.MULTI_TAGS_FLAG : requested;
    }

    private static InetSocketAddress bornHost(RequestContext rc) {
        return MessageRewrites.parseHost(rc.remoteAddress());
    }
}
