package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.common.time.ManualClock;

/** The master's timers on a manual clock, against a hand-written slave on a real socket. */
class HaServerTimingTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final RecordingEvents events = new RecordingEvents();
    private DefaultMessageStore store;
    private HaServer server;
    private Socket slave;

    private HaServer start(HaConfig config) throws IOException {
        store = HaTestStores.open(dir);
        server = new HaServer(config.withBindHost("127.0.0.1"), store, events, clock, clock);
        int port = server.start();
        slave = new Socket(InetAddress.getLoopbackAddress(), port);
        slave.setSoTimeout(5000);
        return server;
    }

    private HaServer start() throws IOException {
        return start(HaConfig.defaults(0).withTimers(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofMillis(500)));
    }

    @AfterEach
    void close() throws IOException {
        if (slave != null) {
            slave.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void report(long offset) throws IOException {
        new DataOutputStream(slave.getOutputStream()).writeLong(offset);
    }

    private TransferFrame readFrame() throws IOException {
        DataInputStream in = new DataInputStream(slave.getInputStream());
        long start = in.readLong();
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        return new TransferFrame(start, data);
    }

    /** Reads frames until the master closes the connection; returns how many came. */
    private int readUntilClosed() throws IOException {
        int frames = 0;
        try {
            while (true) {
                readFrame();
                frames++;
            }
        } catch (EOFException | SocketException closed) {
            return frames;
        }
    }

    @Test
    void streamsFromTheReportedOffsetThenSendsHeartbeatsWhenIdle() throws IOException {
        start();
        HaTestStores.put(store, 0, 10);
        long max = store.commitLogMaxOffset();
        report(0);
        TransferFrame first = readFrame();
        assertThat(first.startOffset()).isZero();
        assertThat(first.endOffset()).isEqualTo(max);

        clock.advance(Duration.ofSeconds(4));
        HaTestStores.put(store, 10, 11);
        server.onStoreAppended();
        TransferFrame next = readFrame();
        assertThat(next.isHeartbeat()).as("no heartbeat before 5 s idle").isFalse();
        assertThat(next.startOffset()).isEqualTo(max);

        long end = next.endOffset();
        clock.advance(Duration.ofSeconds(5));
        TransferFrame heartbeat = readFrame();
        assertThat(heartbeat.isHeartbeat()).isTrue();
        assertThat(heartbeat.startOffset()).isEqualTo(end);
        assertThat(events.ofKind(EventKind.REPLICA_CONNECTED)).hasSize(1);
    }

    @Test
    void dropsASlaveItHasNotHeardFromForTheHousekeepingInterval() throws IOException {
        start();
        report(0);
        await().until(() -> server.replicas().size() == 1 && server.replicas().get(0).ackOffset() == 0);
        clock.advance(Duration.ofSeconds(19));
        assertThat(server.replicas()).hasSize(1);
        clock.advance(Duration.ofMillis(1500));
        readUntilClosed();
        await().until(() -> server.replicas().isEmpty());
        assertThat(events.ofKind(EventKind.REPLICA_LOST)).singleElement()
                .satisfies(e -> assertThat(e.text("reason")).contains("no report from the slave"));
    }

    @Test
    void reportsKeepASlaveAlive() throws IOException {
        start();
        report(0);
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(5));
            report(0);
            await().until(() -> server.replicas().size() == 1);
        }
        assertThat(events.ofKind(EventKind.REPLICA_LOST)).isEmpty();
    }

    @Test
    void aSlaveAheadOfItsMasterIsRefused() throws IOException {
        start();
        HaTestStores.put(store, 0, 10);
        report(store.commitLogMaxOffset() + 1000);
        assertThat(readUntilClosed()).isZero();
        await().until(() -> !events.ofKind(EventKind.REPLICA_LOST).isEmpty());
        assertThat(events.ofKind(EventKind.REPLICA_LOST).get(0).text("reason")).contains("slave ahead of its master");
        assertThat(events.ofKind(EventKind.REPLICA_CONNECTED)).isEmpty();
    }

    @Test
    void anEmptySlaveStartsAtTheMastersLastSegment() throws IOException {
        start();
        HaTestStores.put(store, 0, 3000);
        long max = store.commitLogMaxOffset();
        assertThat(max).isGreaterThan(2L * HaTestStores.SEGMENT_SIZE);
        report(0);
        assertThat(readFrame().startOffset()).isEqualTo(max - max % HaTestStores.SEGMENT_SIZE);
    }

    @Test
    void withTheMinOffsetPolicyAnEmptySlaveGetsEverything() throws IOException {
        start(HaConfig.defaults(0).withStartPolicy(HaStartPolicy.MIN_OFFSET));
        HaTestStores.put(store, 0, 3000);
        report(0);
        assertThat(readFrame().startOffset()).isZero();
    }

    @Test
    void acksCompleteWaitsAndTimeoutsAnswerFalse() throws IOException {
        start();
        HaTestStores.put(store, 0, 10);
        long max = store.commitLogMaxOffset();
        assertThat(server.isSlaveHealthy()).isFalse();
        report(0);
        await().until(server::isSlaveHealthy);
        CompletableFuture<Boolean> acked = server.waitForAck(max, Duration.ofSeconds(3));
        CompletableFuture<Boolean> late = server.waitForAck(max + 1, Duration.ofSeconds(3));
        assertThat(acked).isNotDone();
        report(max);
        await().until(acked::isDone);
        assertThat(acked).isCompletedWithValue(true);
        clock.advance(Duration.ofSeconds(3));
        await().until(late::isDone);
        assertThat(late).isCompletedWithValue(false);
        assertThat(server.maxAckOffset()).isEqualTo(max);
    }

    @Test
    void aSlaveFarBehindIsNotHealthy() throws IOException {
        start(HaConfig.defaults(0).withFallbehindMax(100));
        HaTestStores.put(store, 0, 10);
        report(store.commitLogMaxOffset() - 50);
        await().until(() -> server.replicas().size() == 1 && server.replicas().get(0).ackOffset() > 0);
        assertThat(server.isSlaveHealthy()).isTrue();
        HaTestStores.put(store, 10, 20);
        assertThat(server.isSlaveHealthy()).isFalse();
    }
}
