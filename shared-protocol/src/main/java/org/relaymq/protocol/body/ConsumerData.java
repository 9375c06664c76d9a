package org.relaymq.protocol.body;

import java.util.Set;

/** A consumer group a client belongs to, with its subscriptions (HEART_BEAT body, §4.4.5). */
public record ConsumerData(ConsumeFromWhere consumeFromWhere, ConsumeType consumeType, String groupName,
                           MessageModel messageModel, Set<SubscriptionData> subscriptionDataSet,
                           boolean unitMode) {

    public ConsumerData {
        subscriptionDataSet = Copies.set(subscriptionDataSet);
    }
}
