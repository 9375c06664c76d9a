package org.relaymq.runtime.bootstrap;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a started node running until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it
 * gracefully from the shutdown hook. Prints the one READY line the console and scripts wait for.
 */
final class NodeRunner {

    private NodeRunner() {
    }

    static int runUntilStopped(String role, String address, AutoCloseable node, PrintWriter out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println(role + ": error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, role + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("READY " + role + " " + address);
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
