package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.remoting.NetworkFaultTable;

/** The slave's timers on a manual clock, against a hand-written master on a real socket. */
class HaClientTimingTest {

    @TempDir
    Path slaveDir;
    @TempDir
    Path sourceDir;

    private final ManualClock clock = new ManualClock();
    private final RecordingEvents events = new RecordingEvents();
    private ServerSocket master;
    private DefaultMessageStore store;
    private DefaultMessageStore source;
    private HaClient client;
    private Socket link;

    @BeforeEach
    void openMaster() throws IOException {
        master = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        master.setSoTimeout(5000);
        store = HaTestStores.open(slaveDir);
        source = HaTestStores.open(sourceDir);
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (link != null) {
            link.close();
        }
        master.close();
        store.close();
        source.close();
    }

    private void startClient() throws IOException {
        startClient(null);
    }

    private void startClient(NetworkFaultTable faults) throws IOException {
        HaConfig config = HaConfig.defaults(0).withHaMasterAddress("127.0.0.1:" + master.getLocalPort())
                .withTimers(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofMillis(500))
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4));
        client = new HaClient(config, store, Optional::empty, events, clock, clock, faults);
        client.start();
        accept();
    }

    private void accept() throws IOException {
        link = master.accept();
        link.setSoTimeout(5000);
    }

    private long readReport() throws IOException {
        return new DataInputStream(link.getInputStream()).readLong();
    }

    private void sendFrame(long start, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(link.getOutputStream());
        out.writeLong(start);
        out.writeInt(data.length);
        out.write(data);
        out.flush();
    }

    private byte[] sourceBytes(long from) {
        ByteBuffer b = source.readCommitLog(from, 32 * 1024);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    private void awaitClosedByClient() throws IOException {
        assertThat(link.getInputStream().skip(Long.MAX_VALUE)).isGreaterThanOrEqualTo(0);
        assertThat(link.getInputStream().read()).isEqualTo(-1);
        await().until(() -> !events.ofKind(EventKind.REPLICA_LOST).isEmpty());
    }

    private String lostReason() {
        return events.ofKind(EventKind.REPLICA_LOST).get(0).text("reason");
    }

    @Test
    void reportsAtConnectAfterEachAppendAndEveryHeartbeatInterval() throws IOException {
        HaTestStores.put(source, 0, 10);
        startClient();
        assertThat(readReport()).isZero();
        sendFrame(0, sourceBytes(0));
        assertThat(readReport()).isEqualTo(source.commitLogMaxOffset());
        assertThat(store.commitLogMaxOffset()).isEqualTo(source.commitLogMaxOffset());
        HaTestStores.assertSameQueues(source, store);

        sendFrame(source.commitLogMaxOffset(), new byte[0]);
        clock.advance(Duration.ofSeconds(5));
        assertThat(readReport()).isEqualTo(source.commitLogMaxOffset());
        assertThat(client.isConnected()).isTrue();
        assertThat(events.ofKind(EventKind.REPLICA_CONNECTED)).hasSize(1);
    }

    @Test
    void aDropRuleOnTheMasterSilencesTheOpenLinkUntilHealed() throws IOException {
        HaTestStores.put(source, 0, 10);
        NetworkFaultTable faults = new NetworkFaultTable("connections this node opened");
        faults.replace(new FaultRules(List.of(FaultRule.drop("127.0.0.1:" + master.getLocalPort()))));
        startClient(faults);

        sendFrame(0, sourceBytes(0));
        await().until(() -> faults.droppedFrames() == 2); // the report at connect went out, the frame came in
        assertThat(store.commitLogMaxOffset()).isZero();
        assertThat(client.isConnected()).isTrue();
        assertThat(faults.openConnections()).isOne();

        faults.replace(FaultRules.NONE);
        sendFrame(0, sourceBytes(0));
        assertThat(readReport()).as("the first report the master ever gets").isEqualTo(source.commitLogMaxOffset());
        assertThat(events.ofKind(EventKind.REPLICA_LOST)).isEmpty();
    }

    @Test
    void anOffsetMismatchClosesTheLinkAndItReconnectsAfterTheBackoff() throws IOException {
        HaTestStores.put(store, 0, 5);
        long mine = store.commitLogMaxOffset();
        startClient();
        assertThat(readReport()).isEqualTo(mine);
        sendFrame(mine + 10, new byte[] {1, 2, 3});
        awaitClosedByClient();
        assertThat(lostReason()).contains("offset mismatch");
        assertThat(store.commitLogMaxOffset()).isEqualTo(mine);

        clock.advance(Duration.ofSeconds(1));
        accept();
        assertThat(readReport()).isEqualTo(mine);
    }

    @Test
    void anEmptySlaveCannotStartInTheMiddleOfASegment() throws IOException {
        startClient();
        assertThat(readReport()).isZero();
        sendFrame(100, new byte[] {1, 2, 3});
        awaitClosedByClient();
        assertThat(lostReason()).contains("refused an append at 100");
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void dropsAMasterThatSendsNothingForTheHousekeepingInterval() throws IOException {
        startClient();
        readReport();
        for (int second = 5; second <= 15; second += 5) {
            clock.advance(Duration.ofSeconds(5));
            readReport();
            long now = clock.nanoTime();
            await().until(() -> client.link().orElseThrow().lastReportNanos() == now);
        }
        clock.advance(Duration.ofSeconds(4));
        assertThat(client.isConnected()).isTrue();
        clock.advance(Duration.ofMillis(1500));
        awaitClosedByClient();
        assertThat(lostReason()).contains("nothing received from the master");
    }

    @Test
    void aRefusedSlaveSaysItMayBeAheadAndRetriesWithGrowingBackoff() throws IOException {
        startClient();
        readReport();
        link.close();
        await().until(() -> events.ofKind(EventKind.REPLICA_LOST).size() == 1);
        assertThat(lostReason()).contains("ahead of its master");

        clock.advance(Duration.ofSeconds(1));
        accept();
        readReport();
        link.close();
        await().until(() -> events.ofKind(EventKind.REPLICA_LOST).size() == 2);
        clock.advance(Duration.ofMillis(1500));
        assertThat(client.isConnected()).isFalse();
        clock.advance(Duration.ofMillis(500));
        accept();
        assertThat(readReport()).isZero();
    }
}
