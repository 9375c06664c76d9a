package org.relaymq.protocol.body;

/** One broker's queues of a topic, as routes carry them. */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
}
