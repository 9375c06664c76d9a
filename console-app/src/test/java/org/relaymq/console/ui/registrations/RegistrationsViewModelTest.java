package org.relaymq.console.ui.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.NamesrvFixtures.NS;
import static org.relaymq.console.ui.NamesrvFixtures.NS_NODE;
import static org.relaymq.console.ui.NamesrvFixtures.event;
import static org.relaymq.console.ui.NamesrvFixtures.snapshot;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ConnectionStatus;
import org.relaymq.console.service.ProtocolView;
import org.relaymq.console.ui.Level;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.ManualClock;

class RegistrationsViewModelTest {

    private final ManualClock clock = new ManualClock();
    private final RegistrationsViewModel vm = new RegistrationsViewModel(clock, UiExecutor.sameThread(), 3000);

    private RegistrationRow row() {
        vm.refresh();
        assertThat(vm.rows()).hasSize(1);
        return vm.rows().get(0);
    }

    private void liveNameServer() {
        vm.onConnection(new ConnectionStatus(NS, NS_NODE, true, clock.monotonicMillis(), true, null, null));
    }

    @Test
    void countdownToTheNextHeartbeatAndTheExpiryBarFollowTheClock() {
        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("classroom", 12_000, 1_000));
        RegistrationRow r = row();
        assertThat(r.sinceLast()).isEqualTo("1.0 s ago");
        assertThat(r.nextExpected()).isEqualTo("in 2.0 s");
        assertThat(r.expiryFraction()).isCloseTo(1 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.level()).isEqualTo(Level.OK);
        assertThat(r.expiryText()).isEqualTo("expires in 11.0 s");

        clock.advanceMillis(3_000);
        assertThat(row().nextExpected()).isEqualTo("overdue by 1.0 s");
    }

    @Test
    void barTurnsAmberAtHalfAndRedAt85PercentOfTheExpiry() {
        assertThat(RegistrationRow.levelFor(0.49)).isEqualTo(Level.OK);
        assertThat(RegistrationRow.levelFor(0.5)).isEqualTo(Level.WARN);
        assertThat(RegistrationRow.levelFor(0.84)).isEqualTo(Level.WARN);
        assertThat(RegistrationRow.levelFor(0.85)).isEqualTo(Level.DANGER);

        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("classroom", 10_000, 0));
        clock.advanceMillis(6_000);
        assertThat(row().level()).isEqualTo(Level.WARN);
        clock.advanceMillis(3_000);
        assertThat(row().level()).isEqualTo(Level.DANGER);
    }

    @Test
    void aHeartbeatResetsTheCountdown() {
        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("classroom", 12_000, 0));
        clock.advanceMillis(2_500);
        vm.onEvent(NS, event(5, EventKind.BROKER_HEARTBEAT, null, 12_000));
        assertThat(row().sinceLast()).isEqualTo("0 ms ago");
        assertThat(row().nextExpected()).isEqualTo("in 3.0 s");
    }

    @Test
    void eachWayOfLeavingShowsItsReasonOnTheRow() {
        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("classroom", 12_000, 0));
        vm.onEvent(NS, event(2, EventKind.BROKER_DISCONNECTED, "DISCONNECTED", 12_000));
        assertThat(row().status()).isEqualTo("disconnected (connection closed)");
        assertThat(row().level()).isEqualTo(Level.GONE);

        vm.onEvent(NS, event(3, EventKind.BROKER_REGISTERED, null, 12_000));
        assertThat(row().status()).isEqualTo("registered");
        vm.onEvent(NS, event(4, EventKind.BROKER_UNREGISTERED, "UNREGISTERED", 12_000));
        assertThat(row().status()).startsWith("unregistered");

        vm.onEvent(NS, event(5, EventKind.BROKER_REGISTERED, null, 12_000));
        clock.advanceMillis(12_400);
        vm.onEvent(NS, event(6, EventKind.BROKER_EXPIRED, "EXPIRED", 12_000));
        assertThat(row().status()).isEqualTo("expired (silent 12.4 s)");
        clock.advanceMillis(2_000);
        assertThat(row().sinceLast()).isEqualTo("left 2.0 s ago");
    }

    @Test
    void aSilentNameServerMakesItsRowsStaleAndAnUnansweredOneIsUnknown() {
        vm.expectNameServer(NS);
        vm.refresh();
        assertThat(vm.nameServerSummaries()).singleElement().asString().contains("UNKNOWN").contains("brokers ?");

        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("classroom", 12_000, 0));
        assertThat(row().freshness()).isEqualTo("LIVE");
        clock.advanceMillis(5_000);
        assertThat(row().freshness()).isEqualTo("STALE 5.0 s");
        assertThat(row().status()).contains("as last seen");
    }

    @Test
    void anUnknownProfileFallsBackToTheObservedHeartbeatInterval() {
        liveNameServer();
        vm.onSnapshot(NS, NS_NODE, snapshot("custom", 2_000, 0));
        assertThat(row().nextExpected()).isEqualTo("unknown interval");
        clock.advanceMillis(500);
        vm.onEvent(NS, event(7, EventKind.BROKER_HEARTBEAT, null, 2_000));
        assertThat(row().nextExpected()).isEqualTo("in 500 ms");
    }

    @Test
    void anApacheNameServerShowsWhatTheProtocolListsMarkedPolledNeverInventedHeartbeats() {
        vm.expectNameServer(NS);
        vm.onProtocolView(NS, new ProtocolView(NS, clock.monotonicMillis(), 3000, List.of(
                new ProtocolView.Broker("DefaultCluster", "broker-a", 0, "10.0.0.1:10911")), Map.of(), null));
        clock.advanceMillis(1200);
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEqualTo("Apache RocketMQ node: registrations and routes via "
                + "protocol only; no live events (polled every 3.0 s).");
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.broker()).isEqualTo("broker-a / 0 (master)");
            assertThat(r.sinceLast()).isEqualTo("UNKNOWN (not in the protocol)");
            assertThat(r.expiryFraction()).isEqualTo(-1);
            assertThat(r.status()).isEqualTo("registered (listed by cluster info)");
            assertThat(r.freshness()).isEqualTo("POLLED 1.2 s ago");
        });
        clock.advanceMillis(10_000);
        vm.refresh();
        assertThat(vm.rows().get(0).freshness()).isEqualTo("STALE (polled 11.2 s ago)");
    }
}
