package org.relaymq.console.service;

import java.io.IOException;

/** Sends SIGSTOP / SIGCONT to a process (OS boundary). */
public interface SignalSender {

    /** Whether this system can pause processes; if not, {@link #unsupportedReason()} says why. */
    boolean supported();

    String unsupportedReason();

    void pause(long pid) throws IOException;

    void resume(long pid) throws IOException;
}
