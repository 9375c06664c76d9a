package org.relaymq.protocol.body;

public enum TopicFilterType {
    SINGLE_TAG, MULTI_TAG
}
