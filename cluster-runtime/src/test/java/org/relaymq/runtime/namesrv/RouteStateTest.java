package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.namesrv.Registrations.broker;
import static org.relaymq.runtime.namesrv.Registrations.topic;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.runtime.telemetry.EventSink;

class RouteStateTest {

    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String B0 = "10.0.0.3:10911";
    private static final DataVersion V1 = new DataVersion(1000, 1);
    private static final DataVersion V2 = new DataVersion(2000, 2);

    private final RouteState state = new RouteState(NamesrvConfig.defaults(), EventSink.discarding());
    private final Moment now = new Moment(0, 1_700_000_000_000L);

    @Test
    void firstRegistrationCreatesClusterBrokerAndTopicRoute() {
        RegisterResult r = state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);

        assertThat(r.firstRegistration()).isTrue();
        assertThat(r.changed()).isTrue();
        TopicRouteData route = state.routeOf("T").orElseThrow();
        assertThat(route.brokerDatas()).containsExactly(new BrokerData("DefaultCluster", "broker-a", Map.of(0L, A0)));
        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, PermName.READ_WRITE, 0));
        assertThat(state.clusterInfo().clusterAddrTable()).containsEntry("DefaultCluster", java.util.Set.of("broker-a"));
        assertThat(state.routeOf("Unknown")).isEmpty();
    }

    @Test
    void reRegistrationIsNotFirstAndChangedOnlyWithANewDataVersion() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);

        RegisterResult same = state.register(broker("broker-a", 0, A0, new DataVersion(1000, 1), topic("T", 4)), now);
        RegisterResult newer = state.register(broker("broker-a", 0, A0, V2, topic("T", 4)), now);

        assertThat(same.firstRegistration()).isFalse();
        assertThat(same.changed()).isFalse();
        assertThat(newer.changed()).isTrue();
    }

    @Test
    void topicsAreTakenOnlyWhenTheDataVersionChanges() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);

        state.register(broker("broker-a", 0, A0, V1, topic("T", 8), topic("Ignored", 1)), now);
        assertThat(state.routeOf("T").orElseThrow().queueDatas().get(0).readQueueNums()).isEqualTo(4);
        assertThat(state.routeOf("Ignored")).isEmpty();

        state.register(broker("broker-a", 0, A0, V2, topic("T", 8)), now);
        assertThat(state.routeOf("T").orElseThrow().queueDatas().get(0).readQueueNums()).isEqualTo(8);
    }

    @Test
    void topicsMissingFromALaterRegistrationStay() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4), topic("Old", 2)), now);
        state.register(broker("broker-a", 0, A0, V2, topic("T", 4)), now);

        assertThat(state.allTopics()).containsExactly("Old", "T");
    }

    @Test
    void topicsAreTakenOnlyFromTheMaster() {
        state.register(broker("broker-a", 1, A1, V1, topic("FromSlave", 4)), now);

        assertThat(state.allTopics()).isEmpty();
        assertThat(state.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs()).containsEntry(1L, A1);
    }

    @Test
    void aSlaveLearnsItsLiveMastersAddressAndHaAddress() {
        RegisterResult before = state.register(broker("broker-a", 1, A1, V1), now);
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);
        RegisterResult after = state.register(broker("broker-a", 1, A1, V1), now);

        assertThat(before.masterAddr()).isNull();
        assertThat(after.masterAddr()).isEqualTo(A0);
        assertThat(after.haServerAddr()).isEqualTo("10.0.0.1:10912");
        assertThat(state.register(broker("broker-a", 0, A0, V1), now).masterAddr()).isNull();
    }

    @Test
    void theSameAddressUnderAnotherIdReplacesTheOldEntry() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);
        state.register(broker("broker-a", 1, A1, V1), now);
        state.unregister("DefaultCluster", A0, "broker-a", 0, now);

        RegisterResult promoted = state.register(broker("broker-a", 0, A1, V2, topic("T", 4)), now);

        assertThat(promoted.firstRegistration()).isTrue();
        assertThat(state.routeOf("T").orElseThrow().brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(0L, A1));
    }

    @Test
    void aNewAddressForAnExistingIdIsNotAFirstRegistration() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);

        RegisterResult moved = state.register(broker("broker-a", 0, A1, V1, topic("T", 4)), now);

        assertThat(moved.firstRegistration()).isFalse();
        assertThat(moved.changed()).isTrue();
        assertThat(state.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs()).isEqualTo(Map.of(0L, A1));
    }

    @Test
    void removingTheMasterKeepsTheRouteThroughTheSlaveWithOnlyItsId() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);
        state.register(broker("broker-a", 1, A1, V1), now);

        state.removeByChannel("ch-" + A0, now);

        TopicRouteData route = state.routeOf("T").orElseThrow();
        assertThat(route.brokerDatas()).singleElement().satisfies(b -> assertThat(b.brokerAddrs()).isEqualTo(Map.of(1L, A1)));
        assertThat(route.queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-a");
    }

    @Test
    void removingTheLastAddressDropsTheBrokerItsQueuesAndEmptyTopics() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4), topic("OnlyA", 1)), now);
        state.register(broker("broker-b", 0, B0, V1, topic("T", 2)), now);

        RemovedBroker removed = state.unregister("DefaultCluster", A0, "broker-a", 0, now).orElseThrow();

        assertThat(removed.groupRemoved()).isTrue();
        assertThat(removed.topicsRemoved()).containsExactly("OnlyA");
        assertThat(state.routeOf("OnlyA")).isEmpty();
        assertThat(state.routeOf("T").orElseThrow().queueDatas()).extracting(QueueData::brokerName)
                .containsExactly("broker-b");
        assertThat(state.clusterInfo().brokerAddrTable()).containsOnlyKeys("broker-b");
        assertThat(state.clusterInfo().clusterAddrTable().get("DefaultCluster")).containsExactly("broker-b");
    }

    @Test
    void anUnregisterForAnIdNowHeldByAnotherAddressLeavesThatAddress() {
        state.register(broker("broker-a", 0, A1, V1, topic("T", 4)), now);

        assertThat(state.unregister("DefaultCluster", A0, "broker-a", 0, now)).isEmpty();
        assertThat(state.routeOf("T")).isPresent();
    }

    @Test
    void deleteTopicEverywhereOrOnlyInOneCluster() {
        state.register(broker("c1", "broker-a", 0, A0, V1, topic("T", 4), topic("U", 4)), now);
        state.register(broker("c2", "broker-b", 0, B0, V1, topic("T", 4)), now);

        assertThat(state.deleteTopic("T", "c1")).isEqualTo(1);
        assertThat(state.routeOf("T").orElseThrow().queueDatas()).extracting(QueueData::brokerName)
                .containsExactly("broker-b");
        assertThat(state.topicsByCluster("c1")).containsExactly("U");
        assertThat(state.topicsByCluster("c2")).containsExactly("T");

        assertThat(state.deleteTopic("U", null)).isEqualTo(1);
        assertThat(state.deleteTopic("T", "c2")).isEqualTo(1);
        assertThat(state.allTopics()).isEmpty();
        assertThat(state.deleteTopic("Nope", null)).isZero();
    }

    @Test
    void wipeAndAddWritePermCountTheBrokersQueues() {
        state.register(broker("broker-a", 0, A0, V1, topic("T", 4), topic("U", 4)), now);
        state.register(broker("broker-b", 0, B0, V1, topic("T", 4)), now);

        assertThat(state.wipeWritePerm("broker-a")).isEqualTo(2);
        assertThat(perm("T", "broker-a")).isEqualTo(PermName.PERM_READ);
        assertThat(perm("T", "broker-b")).isEqualTo(PermName.READ_WRITE);

        assertThat(state.addWritePerm("broker-a")).isEqualTo(2);
        assertThat(perm("U", "broker-a")).isEqualTo(PermName.READ_WRITE);
        assertThat(state.wipeWritePerm("nobody")).isZero();
    }

    @Test
    void queryDataVersionReportsChangeAndReturnsTheStoredVersion() {
        assertThat(state.queryDataVersion(A0, V1, now)).isEqualTo(new DataVersionQuery(true, null));

        state.register(broker("broker-a", 0, A0, V1, topic("T", 4)), now);

        assertThat(state.queryDataVersion(A0, V1, now)).isEqualTo(new DataVersionQuery(false, V1));
        assertThat(state.queryDataVersion(A0, V2, now)).isEqualTo(new DataVersionQuery(true, V1));
    }

    @Test
    void filterServersTravelWithTheRoute() {
        RegisterRequest base = broker("broker-a", 0, A0, V1, topic("T", 4));
        state.register(new RegisterRequest(base.cluster(), A0, "broker-a", 0, base.haServerAddr(), "ch",
                base.topicConfig(), java.util.List.of("10.0.0.1:9999")), now);

        assertThat(state.routeOf("T").orElseThrow().filterServerTable())
                .isEqualTo(Map.of(A0, java.util.List.of("10.0.0.1:9999")));
    }

    private int perm(String topic, String brokerName) {
        return state.routeOf(topic).orElseThrow().queueDatas().stream()
                .filter(q -> q.brokerName().equals(brokerName)).findFirst().orElseThrow().perm();
    }
}
