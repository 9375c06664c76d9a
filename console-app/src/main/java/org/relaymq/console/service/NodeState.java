package org.relaymq.console.service;

/** Where one supervised node process is in its life. */
public enum NodeState {
    /** Planned, never started. */
    NEW,
    /** Process started, READY line not yet seen. */
    STARTING,
    /** READY seen; serving. */
    RUNNING,
    /** Stopped with SIGSTOP; the process exists but runs nothing. */
    PAUSED,
    /** SIGTERM sent, waiting for the process to end. */
    STOPPING,
    /** Ended after we asked it to stop. */
    STOPPED,
    /** Ended by SIGKILL (kill -9). */
    KILLED,
    /** Never became ready: the reason is the node's own error line. */
    FAILED,
    /** Ended on its own after it was ready. */
    EXITED;

    /** A process exists for this node. */
    public boolean alive() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
