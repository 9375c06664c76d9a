package org.relaymq.console.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** SIGSTOP / SIGCONT through the Unix {@code kill} command; on Windows it says that it cannot. */
public final class KillCommandSignals implements SignalSender {

    private final boolean windows;

    public KillCommandSignals() {
        this(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    KillCommandSignals(boolean windows) {
        this.windows = windows;
    }

    @Override
    public boolean supported() {
        return !windows;
    }

    @Override
    public String unsupportedReason() {
        return windows ? "Pause/resume needs SIGSTOP/SIGCONT, which Windows does not have: use Kill -9 or Stop"
                : "";
    }

    @Override
    public void pause(long pid) throws IOException {
        send("-STOP", pid);
    }

    @Override
    public void resume(long pid) throws IOException {
        send("-CONT", pid);
    }

    private void send(String signal, long pid) throws IOException {
        if (windows) {
            throw new UnsupportedOperationException(unsupportedReason());
        }
        Process p = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("kill " + signal + " " + pid + " did not finish in 5 s");
            }
            if (p.exitValue() != 0) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new IOException("kill " + signal + " " + pid + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + pid, e);
        }
    }
}
