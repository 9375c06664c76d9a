package org.relaymq.console.service;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SignalSender} for tests: no signal reaches a real process. {@link #recording()} ones record
 * what was sent ("STOP", "CONT"); {@link #unsupported(String)} ones say why pausing is impossible, as
 * on Windows, and refuse a signal should one be sent anyway.
 */
public final class FakeSignals implements SignalSender {

    private final String unsupportedReason;
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private FakeSignals(String unsupportedReason) {
        this.unsupportedReason = unsupportedReason;
    }

    public static FakeSignals recording() {
        return new FakeSignals(null);
    }

    public static FakeSignals unsupported(String reason) {
        return new FakeSignals(reason);
    }

    /** The signals sent so far, in order. */
    public List<String> sent() {
        return sent;
    }

    @Override
    public boolean supported() {
        return unsupportedReason == null;
    }

    @Override
    public String unsupportedReason() {
        return unsupportedReason == null ? "" : unsupportedReason;
    }

    @Override
    public void pause(long pid) throws IOException {
        send("STOP");
    }

    @Override
    public void resume(long pid) throws IOException {
        send("CONT");
    }

    private void send(String signal) throws IOException {
        if (unsupportedReason != null) {
            throw new IOException("no signals here: " + unsupportedReason);
        }
        sent.add(signal);
    }
}
