package org.relaymq.runtime.broker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.ConsumerConnection;
import org.relaymq.protocol.body.ConsumerData;
import org.relaymq.protocol.body.GetConsumerListByGroupResponseBody;
import org.relaymq.protocol.body.HeartbeatData;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.ProducerConnection;
import org.relaymq.protocol.body.ProducerData;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.header.GetConsumerConnectionListRequestHeader;
import org.relaymq.protocol.header.GetConsumerListByGroupRequestHeader;
import org.relaymq.protocol.header.GetProducerConnectionListRequestHeader;
import org.relaymq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.relaymq.protocol.header.UnregisterClientRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerCoreFixture;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.remoting.NettyRemotingClient;

/** Real clients on loopback: HEART_BEAT, GET_CONSUMER_LIST_BY_GROUP, NOTIFY_CONSUMER_IDS_CHANGED and friends. */
class ClientHandlersIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private BrokerCoreFixture broker;
    private NettyRemotingClient clientA;
    private NettyRemotingClient clientB;
    private final List<String> notifiedA = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ThreadPoolExecutor notifyPool =
            Executors2.fixedBounded("client-it-notify", 1, 100);

    @BeforeEach
    void startBroker() {
        broker = new BrokerCoreFixture(BrokerConfig.builder().brokerIP1("127.0.0.1").storePathRootDir(root).build())
                .start();
        clientA = broker.client();
        clientB = broker.client();
        clientA.handlers().register(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, (ctx, req) -> {
            notifiedA.add(NotifyConsumerIdsChangedRequestHeader.fromExt(req.ext()).consumerGroup());
            return null;
        }, notifyPool);
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
        notifyPool.shutdownNow();
    }

    private static HeartbeatData heartbeat(String clientId, String producerGroup) {
        ConsumerData consumer = new ConsumerData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                ConsumeType.CONSUME_PASSIVELY, "cg", MessageModel.CLUSTERING,
                Set.of(SubscriptionData.of("TopicTest", "TagA || TagB", 1), SubscriptionData.of("%RETRY%cg", "*", 2)),
                false);
        Set<ProducerData> producers = producerGroup == null ? Set.of() : Set.of(new ProducerData(producerGroup));
        return HeartbeatData.of(clientId, producers, Set.of(consumer));
    }

    private RemotingCommand send(NettyRemotingClient client, int code, java.util.Map<String, String> ext,
                                 byte[] body) throws Exception {
        return broker.call(client, RemotingCommand.request(code, ext, body));
    }

    private List<String> consumerList() throws Exception {
        RemotingCommand r = send(clientA, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new GetConsumerListByGroupRequestHeader("cg").toExt(), null);
        return r.code() == 0 ? GetConsumerListByGroupResponseBody.decode(r.body()).consumerIdList() : List.of();
    }

    @Test
    void twoConsumersOfOneGroupAndTheFirstIsToldWhenTheSecondJoins() throws Exception {
        RemotingCommand first = send(clientA, RequestCode.HEART_BEAT, null, heartbeat("A@1", "pg").encode());
        assertThat(first.code()).isZero();
        assertThat(first.version()).isEqualTo(409);
        await().atMost(WAIT).until(() -> notifiedA.size() == 1);

        assertThat(send(clientB, RequestCode.HEART_BEAT, null, heartbeat("B@2", null).encode()).code()).isZero();

        await().atMost(WAIT).until(() -> notifiedA.size() == 2);
        assertThat(notifiedA).containsOnly("cg");
        assertThat(consumerList()).containsExactlyInAnyOrder("A@1", "B@2");
        assertThat(broker.core().topics().find("%RETRY%cg")).isPresent();
        assertThat(broker.core().subscriptionGroups().find("cg")).isPresent();
        assertThat(broker.events().ofKind(EventKind.CLIENT_CONNECTED)).extracting(e -> e.text("clientId"))
                .contains("A@1", "B@2");
    }

    @Test
    void unregisterAndClosedConnectionsLeaveTheGroup() throws Exception {
        send(clientA, RequestCode.HEART_BEAT, null, heartbeat("A@1", null).encode());
        send(clientB, RequestCode.HEART_BEAT, null, heartbeat("B@2", null).encode());
        await().atMost(WAIT).until(() -> notifiedA.size() == 2);

        RemotingCommand bye = send(clientB, RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientRequestHeader("B@2", null, "cg").toExt(), null);
        assertThat(bye.code()).isZero();
        assertThat(consumerList()).containsExactly("A@1");
        await().atMost(WAIT).until(() -> notifiedA.size() == 3);

        send(clientB, RequestCode.HEART_BEAT, null, heartbeat("B@2", null).encode());
        await().atMost(WAIT).until(() -> notifiedA.size() == 4);
        clientB.closeChannel(broker.address());

        await().atMost(WAIT).until(() -> consumerList().equals(List.of("A@1")));
        await().atMost(WAIT).until(() -> notifiedA.size() == 5);
        assertThat(broker.events().ofKind(EventKind.CLIENT_GONE)).extracting(e -> e.text("reason"))
                .containsExactly("unregistered", "channel closed");
    }

    @Test
    void unknownGroupsAnswerAsApacheDoes() throws Exception {
        RemotingCommand list = send(clientA, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new GetConsumerListByGroupRequestHeader("nobody").toExt(), null);
        assertThat(list.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(list.remark()).isEqualTo("no consumer for this group, nobody");

        RemotingCommand connections = send(clientA, RequestCode.GET_CONSUMER_CONNECTION_LIST,
                new GetConsumerConnectionListRequestHeader("nobody").toExt(), null);
        assertThat(connections.code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);

        RemotingCommand producers = send(clientA, RequestCode.GET_PRODUCER_CONNECTION_LIST,
                new GetProducerConnectionListRequestHeader("nobody").toExt(), null);
        assertThat(producers.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);

        RemotingCommand badHeartbeat = send(clientA, RequestCode.HEART_BEAT, null, "not json".getBytes());
        assertThat(badHeartbeat.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void connectionListsOfKnownGroups() throws Exception {
        send(clientA, RequestCode.HEART_BEAT, null, heartbeat("A@1", "pg").encode());

        RemotingCommand c = send(clientB, RequestCode.GET_CONSUMER_CONNECTION_LIST,
                new GetConsumerConnectionListRequestHeader("cg").toExt(), null);
        ConsumerConnection cc = ConsumerConnection.decode(c.body());
        assertThat(cc.connectionSet()).extracting(x -> x.clientId()).containsExactly("A@1");
        assertThat(cc.subscriptionTable()).containsOnlyKeys("TopicTest", "%RETRY%cg");
        assertThat(cc.subscriptionTable().get("TopicTest").tagsSet()).containsExactlyInAnyOrder("TagA", "TagB");
        assertThat(cc.consumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);

        RemotingCommand p = send(clientB, RequestCode.GET_PRODUCER_CONNECTION_LIST,
                new GetProducerConnectionListRequestHeader("pg").toExt(), null);
        assertThat(ProducerConnection.decode(p.body()).connectionSet()).extracting(x -> x.clientId())
                .containsExactly("A@1");
    }
}
