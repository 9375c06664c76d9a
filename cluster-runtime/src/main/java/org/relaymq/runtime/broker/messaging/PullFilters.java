package org.relaymq.runtime.broker.messaging;

import java.util.Set;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.message.TagHash;
import org.relaymq.runtime.broker.client.ConsumerGroupSnapshot;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.store.MessageFilter;

/**
 * Step 3 of protocol.md §8.2: the pull's tag filter, from the header (FLAG_SUBSCRIPTION) or from the
 * group's HEART_BEAT registration (24 unknown group or topic, 25 stale subVersion, 16 broadcasting refused).
 * SQL92 is not supported (1), as on an Apache broker without {@code enablePropertyFilter}.
 */
final class PullFilters {

    static final int FLAG_COMMIT_OFFSET = 0x1;
    static final int FLAG_SUSPEND = 0x2;
    static final int FLAG_SUBSCRIPTION = 0x4;

    private final ConsumerManager consumers;

    PullFilters(ConsumerManager consumers) {
        this.consumers = consumers;
    }

    static boolean has(int sysFlag, int flag) {
        return (sysFlag & flag) != 0;
    }

    MessageFilter filterFor(PullMessageRequestHeader h, SubscriptionGroupConfig group) {
        if (has(h.sysFlag(), FLAG_SUBSCRIPTION)) {
            requireTag(h.expressionType());
            return MessageFilter.byTags(h.subscription(), TagHash.codeSet(h.subscription()));
        }
        ConsumerGroupSnapshot registered = consumers.group(h.consumerGroup()).orElseThrow(() ->
                new ProtocolException(ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's group info not exist"));
        if (registered.messageModel() == MessageModel.BROADCASTING && !group.consumeBroadcastEnable()) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the consumer group[" + h.consumerGroup()
                    + "] can not consume by broadcast way");
        }
        SubscriptionData sub = registered.subscriptions().get(h.topic());
        if (sub == null) {
            throw new ProtocolException(ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist");
        }
        if (sub.subVersion() < h.subVersion()) {
            throw new ProtocolException(ResponseCode.SUBSCRIPTION_NOT_LATEST, "the consumer's subscription not latest");
        }
        requireTag(sub.expressionType());
        Set<Integer> codes = sub.codeSet().isEmpty() ? TagHash.codeSet(sub.subString()) : sub.codeSet();
        return MessageFilter.byTags(sub.subString(), codes);
    }

    private static void requireTag(String expressionType) {
        if (expressionType != null && !expressionType.isEmpty()
                && !SubscriptionData.EXPRESSION_TAG.equalsIgnoreCase(expressionType)) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "The broker does not support consumer to filter "
                    + "message by " + expressionType);
        }
    }
}
