package org.relaymq.protocol.body;

/** Consumer group message model. Written by name. */
public enum MessageModel {
    BROADCASTING, CLUSTERING
}
