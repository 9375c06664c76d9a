package org.relaymq.console.service;

/**
 * An immutable picture of one supervised node.
 *
 * @param detail             what the room should read next to the state: failure reason, exit code
 * @param pid                process id, or -1 if it never started
 * @param address            host:port from the READY line, or null before it
 * @param startedAtMonotonic console monotonic millis when the current process started, or -1
 */
public record NodeStatus(String id, String role, NodeState state, String detail, long pid, String address,
                         long startedAtMonotonic) {

    public boolean hasAddress() {
        return address != null;
    }
}
