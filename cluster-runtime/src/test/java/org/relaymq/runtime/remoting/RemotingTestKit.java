package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Starts servers, clients, pools and schedulers for one test, all with threads named after a
 * per-kit prefix, and closes them in reverse order; {@link #assertNoThreadsLeft()} then proves
 * that every thread they started has ended.
 */
final class RemotingTestKit implements AutoCloseable {

    private static final AtomicInteger KITS = new AtomicInteger();

    private final String prefix;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicInteger names = new AtomicInteger();

    RemotingTestKit(String label) {
        this.prefix = "kit" + KITS.incrementAndGet() + "-" + label;
    }

    String prefix() {
        return prefix;
    }

    private String name(String what) {
        return prefix + "-" + what + names.incrementAndGet();
    }

    ExecutorService executor(int threads, int queueCapacity) {
        ExecutorService ex = Executors2.fixedBounded(name("handler"), threads, queueCapacity);
        resources.push(() -> {
            ex.shutdownNow();
            Executors2.shutdownAndAwait(ex, Duration.ofSeconds(3));
        });
        return ex;
    }

    ExecutorScheduler scheduler() {
        ExecutorScheduler s = new ExecutorScheduler(name("timer"), 1);
        resources.push(s);
        return s;
    }

    NettyRemotingServer server(UnaryOperator<RemotingServerConfig> tweak, ChannelEventListener listener) {
        RemotingServerConfig config = tweak.apply(RemotingServerConfig.defaults()
                .withName(name("server")).withBindHost("127.0.0.1").withWorkerThreads(2));
        NettyRemotingServer server = new NettyRemotingServer(config, scheduler(), listener);
        resources.push(server);
        return server;
    }

    NettyRemotingServer server() {
        return server(UnaryOperator.identity(), null);
    }

    NettyRemotingClient client(UnaryOperator<RemotingClientConfig> tweak, Scheduler scheduler, TimeSource time) {
        RemotingClientConfig config = tweak.apply(RemotingClientConfig.defaults().withName(name("client")));
        NettyRemotingClient client = new NettyRemotingClient(config, scheduler, time);
        resources.push(client);
        return client;
    }

    NettyRemotingClient client() {
        return client(UnaryOperator.identity(), scheduler(), TimeSource.system());
    }

    static String addr(NettyRemotingServer server) {
        return "127.0.0.1:" + server.port();
    }

    List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    void assertNoThreadsLeft() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveThreads()).isEmpty());
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
