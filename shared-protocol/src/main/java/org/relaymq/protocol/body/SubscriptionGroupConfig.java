package org.relaymq.protocol.body;

/**
 * A consumer group's broker-side settings (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body, entries of
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG). Absent keys read as Apache's defaults (§4.3), see {@link #defaults}.
 */
public record SubscriptionGroupConfig(long brokerId, boolean consumeBroadcastEnable, boolean consumeEnable,
                                      boolean consumeFromMinEnable, String groupName,
                                      boolean notifyConsumerIdsChangedEnable, int retryMaxTimes, int retryQueueNums,
                                      long whichBrokerWhenConsumeSlowly) {

    public static final int DEFAULT_RETRY_MAX_TIMES = 16;

    /** The config Apache creates for a new group: everything enabled, 1 retry queue, 16 retries. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(0L, true, true, true, groupName, true, DEFAULT_RETRY_MAX_TIMES, 1, 1L);
    }

    public static SubscriptionGroupConfig decode(byte[] body) {
        return ProtocolJson.decode(body, SubscriptionGroupConfig.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
