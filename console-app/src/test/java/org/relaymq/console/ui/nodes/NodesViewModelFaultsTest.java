package org.relaymq.console.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeClusterGateway.FaultCall;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.FakeSignals;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.NodeTimings;
import org.relaymq.console.service.operations.NodeOperation;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;

/**
 * Partition, Delay and Heal on the Nodes view model: the rules go to the selected node's address, and
 * the fault column says only what the node said (unknown until then). Time is a ManualClock; the fake
 * gateway's fault requests wait until the test answers them; UI work runs when the test drains it.
 */
class NodesViewModelFaultsTest {

    private static final String BROKER = "127.0.0.1:10911";
    private static final String NAMESRV = "127.0.0.1:9876";
    private static final Map<String, String> ADDRESSES = Map.of("broker", BROKER, "namesrv", NAMESRV);

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<FakeProcess> launched = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private final NodeSupervisor supervisor = new NodeSupervisor((spec, extra) -> {
        FakeProcess p = new FakeProcess().print("READY " + spec.role() + " " + ADDRESSES.get(spec.role()));
        launched.add(p);
        return p;
    }, FakeSignals.recording(), clock, clock, NodeSupervisor.Settings.defaults());
    private final NodeFaults faults = new NodeFaults(supervisor, gateway, clock, clock, NodeFaults.Settings.defaults());
    private NodesViewModel model;

    @BeforeEach
    void setUp() {
        NodeTimings timings = new NodeTimings() {
            @Override
            public Optional<Duration> brokerExpiry(NodeStatus broker) {
                return Optional.of(Duration.ofSeconds(12));
            }

            @Override
            public Optional<Duration> registerInterval(NodeStatus broker) {
                return Optional.of(Duration.ofSeconds(3));
            }
        };
        List<NodeOperation> operations = new ArrayList<>(NodeOperations.forSupervisor(supervisor));
        operations.addAll(NodeOperations.forFaults(faults, timings));
        model = new NodesViewModel(new NodesViewModel.Deps(supervisor, gateway, faults, clock, uiTasks::add,
                Runnable::run, (title, question) -> asked.add(question), new PresenterSettings(), 3000), operations);
        supervisor.add(new NodeSpec("broker-a", "broker", "broker", List.of(), null));
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
    }

    @AfterEach
    void tearDown() {
        faults.close();
        supervisor.close();
        launched.forEach(FakeProcess::destroyForcibly);
    }

    /** Runs what was handed to the UI thread, then recomputes the rows. */
    private void ui() {
        for (Runnable r = uiTasks.poll(); r != null; r = uiTasks.poll()) {
            r.run();
        }
        model.refresh();
    }

    private void startAndSelect(String id) {
        int asks = gateway.faultCalls().size();
        supervisor.start(id).join();
        awaitRunningAndAsked(id, asks);
        model.selectedIdProperty().set(id);
        ui();
    }

    /**
     * The process said READY and the console sent it GET_FAULTS (from the supervisor's reader thread), and
     * that thread has attached its answer handling: answered before that, the answer would be handled on the
     * reader thread after the test looked.
     */
    private void awaitRunningAndAsked(String id, int asksBefore) {
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status(id).orElseThrow().state()
                == NodeState.RUNNING && gateway.faultCalls().size() > asksBefore
                && gateway.faultCalls().stream().skip(asksBefore)
                        .allMatch(c -> c.future().isDone() || c.future().getNumberOfDependents() > 0));
    }

    private String faultsOf(String id) {
        return model.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().faults();
    }

    private OperationCommand command(String name) {
        return model.command(name).orElseThrow();
    }

    private FaultCall onlyOpenGet(String address) {
        List<FaultCall> open = gateway.faultCalls().stream()
                .filter(c -> !c.isSet() && !c.future().isDone() && c.address().equals(address)).toList();
        assertThat(open).as("one GET_FAULTS waiting at " + address).hasSize(1);
        return open.get(0);
    }

    /** The broker is running and said it has no faults. */
    private void brokerWithoutFaults() {
        startAndSelect("broker-a");
        onlyOpenGet(BROKER).answer(FaultRules.NONE, 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("—");
    }

    private FaultCall run(String operation) {
        int before = gateway.setCalls().size();
        command(operation).run();
        ui();
        List<FaultCall> sets = gateway.setCalls();
        assertThat(sets).as(operation + " sent one SET_FAULTS").hasSize(before + 1);
        return sets.get(sets.size() - 1);
    }

    @Test
    void partitionDelayAndHealSendTheirRulesToTheSelectedNodeAndTheRowShowsWhatItAnswered() {
        brokerWithoutFaults();
        assertThat(command("Heal").executableProperty().get()).as("nothing to heal").isFalse();

        FaultCall partition = run("Partition");
        assertThat(partition.address()).isEqualTo(BROKER);
        assertThat(partition.rules().rules()).extracting(r -> r.describe()).containsExactly("drop *");
        assertThat(asked).singleElement().asString().startsWith("Partition broker-a")
                .contains("its connections stay open but every frame it sends is dropped: the NameServers notice "
                        + "only when the expiry (12 s) passes");
        partition.answer(partition.rules(), 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("partitioned (drop *)");
        assertThat(model.messageProperty().get()).startsWith("Partition broker-a — the node answered: drop *");
        assertThat(command("Partition").executableProperty().get()).as("already partitioned").isFalse();

        FaultCall delay = run("Delay");
        assertThat(delay.address()).isEqualTo(BROKER);
        assertThat(delay.rules().rules()).extracting(r -> r.describe()).containsExactly("delay 1000 ms *");
        assertThat(asked.get(1)).contains("its registrations and requests arrive 1 s late");
        delay.answer(delay.rules(), 0, 4);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("delayed 1000 ms, 4 frames delayed");

        assertThat(command("Heal").executableProperty().get()).isTrue();
        FaultCall heal = run("Heal");
        assertThat(heal.address()).isEqualTo(BROKER);
        assertThat(heal.rules().isEmpty()).isTrue();
        assertThat(asked).as("Heal does not ask").hasSize(2);
        assertThat(model.messageProperty().get()).contains("it registers again at its next heartbeat (every 3 s)");
        heal.answer(FaultRules.NONE, 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("—");
        assertThat(command("Heal").executableProperty().get()).isFalse();
        assertThat(gateway.setCalls()).extracting(FaultCall::address).containsOnly(BROKER);
    }

    @Test
    void theRowSaysUnknownUntilTheNodeAnswersAndNeverShowsAFaultBeforeTheNodeSaidSo() {
        startAndSelect("broker-a");
        assertThat(faultsOf("broker-a")).isEqualTo("unknown");
        FaultCall firstGet = onlyOpenGet(BROKER);

        FaultCall partition = run("Partition");
        assertThat(faultsOf("broker-a")).as("asked, not answered").startsWith("unknown")
                .contains("asked: partitioned (drop *)");
        assertThat(command("Partition").executableProperty().get()).as("one request at a time").isFalse();

        partition.answer(partition.rules(), 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("partitioned (drop *)");

        firstGet.answer(FaultRules.NONE, 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).as("an answer to an older request does not overwrite a newer one")
                .isEqualTo("partitioned (drop *)");
    }

    @Test
    void aRefusedRequestShowsTheNodesRemarkAndLeavesTheStateAsItWas() {
        brokerWithoutFaults();
        FaultCall partition = run("Partition");
        partition.refuse("bad fault rules: peer is not host:port");
        ui();
        assertThat(model.messageProperty().get())
                .isEqualTo("Partition broker-a failed: bad fault rules: peer is not host:port");
        assertThat(faultsOf("broker-a")).isEqualTo("— · SET_FAULTS refused: bad fault rules: peer is not host:port");
        assertThat(command("Partition").executableProperty().get()).as("may be tried again").isTrue();
    }

    @Test
    void aRequestWithoutAnswerMakesTheStateUnknownSinceTheNodeMayHaveAppliedIt() {
        brokerWithoutFaults();
        FaultCall delay = run("Delay");
        delay.noAnswer();
        ui();
        assertThat(model.messageProperty().get()).startsWith("Delay broker-a failed: no answer from " + BROKER);
        assertThat(faultsOf("broker-a")).isEqualTo("unknown · SET_FAULTS: no answer from " + BROKER);
        assertThat(command("Heal").executableProperty().get()).as("healing an unknown state is allowed").isTrue();
    }

    @Test
    void whileUnknownTheNodeIsAskedAgainAtTheRetryIntervalAndWhileFaultedItsCountersAreRefreshed() {
        startAndSelect("broker-a");
        onlyOpenGet(BROKER).noAnswer();
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("unknown · GET_FAULTS: no answer from " + BROKER);

        clock.advance(Duration.ofSeconds(4));
        assertThat(gateway.faultCalls()).as("not yet due").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        onlyOpenGet(BROKER).answer(NodeOperations.PARTITION, 7, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("partitioned (drop *), 7 frames dropped");

        clock.advance(Duration.ofSeconds(2));
        onlyOpenGet(BROKER).answer(NodeOperations.PARTITION, 12, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("partitioned (drop *), 12 frames dropped");

        clock.advance(Duration.ofSeconds(2));
        onlyOpenGet(BROKER).answer(FaultRules.NONE, 0, 0);
        ui();
        int asks = gateway.faultCalls().size();
        clock.advance(Duration.ofSeconds(30));
        assertThat(gateway.faultCalls()).as("a node without faults is not polled").hasSize(asks);
    }

    @Test
    void aNodeThatDoesNotKnowFaultRequestsSaysSoAndIsLeftAloneUntilItRestarts() {
        startAndSelect("broker-a");
        onlyOpenGet(BROKER).notSupported();
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("unknown · GET_FAULTS refused: request type 7011 not supported");
        assertThat(List.of("Partition", "Delay", "Heal")).allSatisfy(op ->
                assertThat(command(op).executableProperty().get()).as(op).isFalse());
        clock.advance(Duration.ofSeconds(30));
        assertThat(gateway.faultCalls()).hasSize(1);
    }

    @Test
    void aFaultsEventFromTheNodeUpdatesTheRow() {
        brokerWithoutFaults();
        gateway.event(BROKER, faultsEvent(5, "[{\"peer\":\"*\",\"action\":\"DROP\"}]", "[]"));
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("partitioned (drop *)");

        clock.advance(Duration.ofSeconds(2));
        onlyOpenGet(BROKER).answer(NodeOperations.PARTITION, 5, 0);
        ui();
        gateway.event(BROKER, faultsEvent(6, "[{\"peer\":\"*\",\"action\":\"DROP\"}]", "[]"));
        ui();
        assertThat(faultsOf("broker-a")).as("same rules: the counters stay").isEqualTo(
                "partitioned (drop *), 5 frames dropped");

        gateway.event(BROKER, faultsEvent(7, "[]", "[{\"peer\":\"*\",\"action\":\"DROP\"}]"));
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("—");
    }

    private static NodeEvent faultsEvent(long seq, String rules, String previous) {
        JsonObject data = JsonParser.parseString("{\"rules\":" + rules + ",\"previous\":" + previous
                + ",\"summary\":\"?\"}").getAsJsonObject();
        return new NodeEvent(seq, 1L, "broker@" + BROKER, EventKind.FAULTS, data);
    }

    @Test
    void aRestartedProcessStartsUnknownIsAskedAgainAndAKilledOneHasNoFaults() throws Exception {
        brokerWithoutFaults();
        FaultCall partition = run("Partition");
        partition.answer(partition.rules(), 0, 0);
        ui();
        long firstPid = supervisor.status("broker-a").orElseThrow().pid();

        int asks = gateway.faultCalls().size();
        supervisor.restart("broker-a").join();
        awaitRunningAndAsked("broker-a", asks);
        ui();
        assertThat(supervisor.status("broker-a").orElseThrow().pid()).isNotEqualTo(firstPid);
        assertThat(faultsOf("broker-a")).as("what the old process said is gone").isEqualTo("unknown");
        onlyOpenGet(BROKER).answer(FaultRules.NONE, 0, 0);
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("—");

        supervisor.kill("broker-a").join();
        ui();
        assertThat(faultsOf("broker-a")).isEqualTo("—");
        assertThat(List.of("Partition", "Delay", "Heal")).allSatisfy(op ->
                assertThat(command(op).executableProperty().get()).as(op).isFalse());
    }

    @Test
    void aPausedNodeIsNotAskedAndKeepsWhatItSaid() {
        brokerWithoutFaults();
        supervisor.pause("broker-a").join();
        ui();
        int asks = gateway.faultCalls().size();
        clock.advance(Duration.ofSeconds(30));
        assertThat(gateway.faultCalls()).hasSize(asks);
        assertThat(faultsOf("broker-a")).isEqualTo("—");
        assertThat(command("Partition").executableProperty().get()).as("only a running node").isFalse();
    }

    @Test
    void theExpectationsTeachWhatEachRoleShows() {
        startAndSelect("namesrv-1");
        assertThat(command("Partition").tooltipProperty().get()).startsWith("a NameServer opens no connections")
                .endsWith("[Shortcut+Shift+P]");
        assertThat(command("Partition").executableProperty().get()).as("a NameServer: nothing to partition").isFalse();
        assertThat(command("Delay").executableProperty().get()).isFalse();
        assertThat(command("Heal").executableProperty().get()).as("healing is harmless").isTrue();
        model.selectedIdProperty().set("broker-a");
        ui();
        assertThat(command("Partition").tooltipProperty().get()).contains("the expiry (12 s) passes");
        assertThat(command("Delay").tooltipProperty().get()).endsWith("[Shortcut+Shift+D]");
        assertThat(command("Heal").tooltipProperty().get()).endsWith("[Shortcut+Shift+H]");

        NodeOperation partition = NodeOperations.forFaults(faults, NodeTimings.unknown()).get(0);
        assertThat(partition.expectation(supervisor.status("broker-a").orElseThrow()))
                .endsWith("the NameServers notice only when the broker expiry passes");
    }
}
