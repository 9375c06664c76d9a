package org.relaymq.runtime.client.api;

/** How a broker stored a sent message (codes 0, 10, 12, 11 of protocol.md §3.2). */
public enum SendStatus {
    SEND_OK, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE
}
