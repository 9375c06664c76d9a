package org.relaymq.runtime.client.internal;

import java.util.Set;
import org.relaymq.protocol.body.ConsumerData;

/** A consumer group registered with a client instance: heartbeat data, rebalance and offset persistence. */
public interface ConsumerMember {

    String group();

    ConsumerData consumerData();

    /** Subscribed topics (clustering push consumers include {@code %RETRY%<group>}). */
    Set<String> topicsInUse();

    void rebalance();

    void persistOffsets();
}
