package org.relaymq.runtime.broker.store;

/** What the dispatcher learned from one commit-log record. */
record DispatchRequest(String topic, int queueId, long physicalOffset, int size, long tagsCode,
                       long storeTimestamp, long queueOffset, int sysFlag, String keys, String uniqKey) {
}
