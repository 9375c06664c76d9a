package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.namesrv.Registrations.broker;
import static org.relaymq.runtime.namesrv.Registrations.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.telemetry.EventBus;
import org.relaymq.runtime.telemetry.Subscription;

class LivenessTest {

    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final DataVersion V1 = new DataVersion(1000, 1);
    private static final long START = 1_700_000_000_000L;

    private final ManualClock clock = new ManualClock(START);
    private final EventBus bus = new EventBus("namesrv@127.0.0.1:9876", clock);
    private final Subscription events = bus.subscribe();
    private RouteState state = new RouteState(NamesrvConfig.defaults(), bus);
    private LivenessScanner scanner = new LivenessScanner(state, clock, clock).start();
    private final List<NodeEvent> seen = new ArrayList<>();

    @AfterEach
    void tearDown() {
        scanner.close();
        bus.close();
    }

    @Test
    void aSilentBrokerIsKeptAt119sAndGoneAtTheFirstScanAfter120s() {
        register(A0, 0);

        advanceSeconds(119);
        assertThat(live(A0)).isTrue();
        advanceSeconds(2);
        assertThat(live(A0)).as("the scan at 120 s sees exactly 120 s of silence: not more").isTrue();
        advanceSeconds(8);
        assertThat(live(A0)).isTrue();
        advanceSeconds(1);

        assertThat(live(A0)).isFalse();
        assertThat(state.routeOf("T")).isEmpty();
        NodeEvent expired = only(EventKind.BROKER_EXPIRED);
        assertThat(expired.number("silentForMs", 0)).isEqualTo(130_000);
        assertThat(expired.number("lastRegistration", 0)).isEqualTo(START);
        assertThat(expired.number("expiryDeadline", 0)).isEqualTo(START + 120_000);
        assertThat(expired.text("brokerName")).isEqualTo("broker-a");
        assertThat(expired.text("brokerAddr")).isEqualTo(A0);
        assertThat(expired.number("brokerId", -1)).isZero();
        assertThat(expired.text("cluster")).isEqualTo("DefaultCluster");
        assertThat(expired.ts()).isEqualTo(START + 130_000);
    }

    @Test
    void aReRegistrationResetsTheDeadline() {
        register(A0, 0);
        advanceSeconds(100);
        register(A0, 0);

        advanceSeconds(120);
        assertThat(live(A0)).as("scan at 220 s: 120 s since the re-registration").isTrue();
        advanceSeconds(10);

        assertThat(live(A0)).isFalse();
        assertThat(only(EventKind.BROKER_EXPIRED).number("silentForMs", 0)).isEqualTo(130_000);
    }

    @Test
    void queryDataVersionCountsAsAHeartbeat() {
        register(A0, 0);
        advanceSeconds(100);
        state.queryDataVersion(A0, V1, Moment.of(clock));

        advanceSeconds(120);

        assertThat(live(A0)).isTrue();
    }

    @Test
    void aClosedChannelRemovesTheBrokerAtOnceWithItsOwnEvent() {
        register(A0, 0);
        advanceSeconds(5);

        List<RemovedBroker> removed = state.removeByChannel("ch-" + A0, Moment.of(clock));

        assertThat(removed).extracting(RemovedBroker::reason).containsExactly(RemovalReason.DISCONNECTED);
        assertThat(live(A0)).isFalse();
        assertThat(only(EventKind.BROKER_DISCONNECTED).number("idleMs", 0)).isEqualTo(5_000);
        advanceSeconds(300);
        assertThat(kinds()).doesNotContain(EventKind.BROKER_EXPIRED, EventKind.BROKER_UNREGISTERED);
    }

    @Test
    void anOldChannelClosingAfterTheBrokerReconnectedRemovesNothing() {
        register(A0, 0);
        var base = broker("broker-a", 0, A0, V1, topic("T", 4));
        state.register(new RegisterRequest(base.cluster(), A0, "broker-a", 0, base.haServerAddr(), "new-channel",
                base.topicConfig(), List.of()), Moment.of(clock));

        assertThat(state.removeByChannel("ch-" + A0, Moment.of(clock))).isEmpty();
        assertThat(live(A0)).isTrue();
    }

    @Test
    void anUnregisterRemovesTheBrokerAtOnceWithItsOwnEvent() {
        register(A0, 0);

        state.unregister("DefaultCluster", A0, "broker-a", 0, Moment.of(clock));

        assertThat(live(A0)).isFalse();
        assertThat(only(EventKind.BROKER_UNREGISTERED).flag("groupRemoved")).isTrue();
        advanceSeconds(300);
        assertThat(kinds()).doesNotContain(EventKind.BROKER_EXPIRED, EventKind.BROKER_DISCONNECTED);
    }

    @Test
    void registrationsHeartbeatsAndScansEachEmitTheirKind() {
        register(A0, 0);
        advanceSeconds(3);
        register(A0, 0);
        state.register(broker("broker-a", 0, A0, new DataVersion(2000, 2), topic("T", 4)), Moment.of(clock));
        advanceSeconds(7);

        List<NodeEvent> all = events.poll(100);
        assertThat(all).extracting(NodeEvent::kind).containsExactly(EventKind.BROKER_REGISTERED,
                EventKind.BROKER_HEARTBEAT, EventKind.BROKER_HEARTBEAT, EventKind.SCAN);
        assertThat(all).extracting(NodeEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all.get(0).number("topics", 0)).isEqualTo(1);
        assertThat(all.get(1).flag("changed")).isFalse();
        assertThat(all.get(1).number("expiryDeadline", 0)).isEqualTo(START + 3_000 + 120_000);
        assertThat(all.get(2).flag("changed")).isTrue();
        NodeEvent scan = all.get(3);
        assertThat(scan.number("checked", 0)).isEqualTo(1);
        assertThat(scan.data().getAsJsonArray("brokers").get(0).getAsJsonObject().get("idleMs").getAsLong())
                .isEqualTo(7_000);
    }

    @Test
    void aBrokerBackAfterExpiryOrAtANewAddressIsReportedAsRegistered() {
        register(A0, 0);
        advanceSeconds(130);
        register(A0, 0);
        state.register(broker("broker-a", 0, A1, V1, topic("T", 4)), Moment.of(clock));

        List<NodeEvent> registered = drained().stream().filter(e -> e.hasKind(EventKind.BROKER_REGISTERED)).toList();

        assertThat(registered).extracting(e -> e.text("brokerAddr")).containsExactly(A0, A0, A1);
        assertThat(registered).extracting(e -> e.flag("firstRegistration")).containsExactly(true, true, false);
    }

    @Test
    void scanEventComesBeforeTheExpiriesItFound() {
        register(A0, 0);
        advanceSeconds(130);

        List<String> tail = kinds().subList(kinds().size() - 2, kinds().size());

        assertThat(tail).containsExactly(EventKind.SCAN, EventKind.BROKER_EXPIRED);
    }

    @Test
    void theClassroomProfileExpiresAfter12sWithAScanEverySecond() {
        scanner.close();
        state = new RouteState(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM), bus);
        scanner = new LivenessScanner(state, clock, clock).start();
        register(A0, 0);

        advanceSeconds(12);
        assertThat(live(A0)).isTrue();
        advanceSeconds(1);
        assertThat(live(A0)).isFalse();
    }

    @Test
    void theSnapshotShowsEveryBrokerWithItsTimersAndTheRoutes() {
        register(A0, 0);
        register(A1, 1);
        advanceSeconds(15);

        NamesrvSnapshot snap = state.snapshot(Moment.of(clock));

        assertThat(snap.eventSeq()).isEqualTo(bus.lastSeq());
        assertThat(snap.profile()).isEqualTo("classic");
        assertThat(snap.lastScanWallMillis()).isEqualTo(START + 10_000);
        assertThat(snap.brokers()).extracting(BrokerView::brokerAddr).containsExactly(A0, A1);
        BrokerView master = snap.brokers().get(0);
        assertThat(master.idleMillis()).isEqualTo(15_000);
        assertThat(master.expiryDeadlineWallMillis()).isEqualTo(START + 120_000);
        assertThat(master.status()).contains("registered at", "15000 ms ago");
        assertThat(snap.routes()).containsOnlyKeys("T");
        assertThat(NamesrvSnapshotJson.toJson(snap).getAsJsonArray("brokers")).hasSize(2);
    }

    private void register(String addr, long id) {
        state.register(broker("broker-a", id, addr, V1, topic("T", 4)), Moment.of(clock));
    }

    private boolean live(String addr) {
        return state.liveBroker(addr).isPresent();
    }

    private void advanceSeconds(long s) {
        clock.advance(Duration.ofSeconds(s));
    }

    private List<NodeEvent> drained() {
        seen.addAll(events.poll(Integer.MAX_VALUE));
        return seen;
    }

    private List<String> kinds() {
        return drained().stream().map(NodeEvent::kind).toList();
    }

    private NodeEvent only(String kind) {
        List<NodeEvent> matching = drained().stream().filter(e -> e.hasKind(kind)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
