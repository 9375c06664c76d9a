package org.relaymq.runtime.common.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds ports free right now. A broker needs three related ports (listen − 2, listen, listen + 1),
 * so "port 0" cannot be left to the OS; this picks a base whose three ports all bind.
 * There is an unavoidable window between the check and the real bind.
 */
public final class FreePorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 60_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A listen port P such that P - 2, P and P + 1 are free on {@code host}. */
    public static int brokerListenPort(String host) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int p = random.nextInt(LOW, HIGH);
            if (isFree(host, p - 2) && isFree(host, p) && isFree(host, p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port triple found on " + host + " after " + ATTEMPTS + " tries");
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
