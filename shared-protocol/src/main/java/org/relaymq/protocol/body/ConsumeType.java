package org.relaymq.protocol.body;

/** How a consumer pulls: pull / lite pull, push, 5.x pop. Written by name. */
public enum ConsumeType {
    CONSUME_ACTIVELY, CONSUME_PASSIVELY, CONSUME_POP
}
