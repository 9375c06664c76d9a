package org.relaymq.runtime.client.consumer;

import org.relaymq.protocol.body.MessageQueue;

/** The pull loop state of one owned queue. */
final class PullTask {

    final MessageQueue mq;
    final ProcessQueue pq;
    volatile long nextOffset;

    PullTask(ProcessQueue pq, long nextOffset) {
        this.mq = pq.queue();
        this.pq = pq;
        this.nextOffset = nextOffset;
    }
}
