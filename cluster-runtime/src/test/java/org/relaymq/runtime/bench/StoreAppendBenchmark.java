package org.relaymq.runtime.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.broker.store.FlushDiskType;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.broker.store.StoreEnvironment;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * The store's append path: encode, append to the memory-mapped CommitLog, dispatch to the
 * ConsumeQueue and index. Run with {@code mvn -B -ntp -pl cluster-runtime -am -DskipTests -Pjmh verify}
 * (not part of the test run: speed targets live here, never in timed tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class StoreAppendBenchmark {

    @Param({"128", "1024"})
    int size;

    @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
    String flush;

    private Path dir;
    private ExecutorScheduler scheduler;
    private DefaultMessageStore store;
    private StoredMessage message;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("relaymq-jmh-store");
        scheduler = new ExecutorScheduler("jmh-store", 2);
        MessageStoreConfig config = MessageStoreConfig.defaults(dir).withSegmentSizes(256 * 1024 * 1024, 300_000)
                .withFlush(FlushDiskType.valueOf(flush), java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(5));
        store = new DefaultMessageStore(config, StoreEnvironment.of(TimeSource.system(), scheduler));
        store.start();
        InetSocketAddress host = new InetSocketAddress("127.0.0.1", 10911);
        message = StoredMessage.builder().topic("BenchmarkTest").queueId(0).bornTimestamp(System.currentTimeMillis())
                .bornHost(host).storeHost(host).body(new byte[size]).properties("TAGS\u0001TagA").build();
    }

    @Benchmark
    @Threads(4)
    public PutMessageResult append() {
        return store.put(message);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        scheduler.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
