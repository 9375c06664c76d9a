package org.relaymq.runtime.client.internal;

import java.util.Set;

/** A producer group registered with a client instance (heartbeats and route polling). */
public interface ProducerMember {

    String group();

    /** Topics whose routes the instance keeps fresh for this producer. */
    Set<String> topicsInUse();
}
