package org.relaymq.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicList;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemotingServerConfig;

/**
 * Attach to a NameServer that speaks only the RocketMQ protocol (like Apache RocketMQ's: no
 * GET_NODE_INFO, no SUBSCRIBE_EVENTS): the gateway says so and polls cluster info and routes instead.
 */
class RemoteClusterGatewayApacheTest {

    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler("apache-test", 1);
    private final NettyRemotingServer apacheNamesrv = new NettyRemotingServer(RemotingServerConfig.defaults()
            .withName("apache-namesrv").withBindHost("127.0.0.1").withPort(0), scheduler);
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        apacheNamesrv.close();
        scheduler.close();
        handlers.shutdownNow();
    }

    private void serveLikeApache() {
        BrokerData a = new BrokerData("DefaultCluster", "broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911"));
        apacheNamesrv.registerHandler(RequestCode.GET_BROKER_CLUSTER_INFO, (ctx, req) -> ok(req, new ClusterInfo(
                Map.of("broker-a", a), Map.of("DefaultCluster", Set.of("broker-a"))).encode()), handlers);
        apacheNamesrv.registerHandler(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, (ctx, req) -> ok(req,
                TopicList.of(Set.of("TopicTest", "TBW102", "%RETRY%g1")).encode()), handlers);
        apacheNamesrv.registerHandler(RequestCode.GET_ROUTEINFO_BY_TOPIC, (ctx, req) -> {
            asked.add(GetRouteInfoRequestHeader.fromExt(req.extFields()).topic());
            return ok(req, new TopicRouteData(null, List.of(new QueueData("broker-a", 4, 4, 6, 0)), List.of(a),
                    Map.of()).encode(false));
        }, handlers);
        apacheNamesrv.start();
    }

    private static RemotingCommand ok(RemotingCommand req, byte[] body) {
        return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, null, null, body);
    }

    @Test
    void anApacheNameServerIsPolledThroughTheProtocolAndSaysItHasNoLiveEvents() {
        serveLikeApache();
        String address = "127.0.0.1:" + apacheNamesrv.port();
        List<ProtocolView> views = new CopyOnWriteArrayList<>();
        try (RemoteClusterGateway gateway = new RemoteClusterGateway(scheduler, TimeSource.system(),
                Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMillis(300))) {
            gateway.addListener(new GatewayListener() {
                @Override
                public void onProtocolView(String a, ProtocolView view) {
                    views.add(view);
                }
            });
            gateway.watch(address);
            await().atMost(Duration.ofSeconds(10)).until(() -> views.size() >= 2);
            ConnectionStatus link = gateway.connection(address);
            assertThat(link.limitation()).isEqualTo(RemoteClusterGateway.NOT_RELAYMQ);
            assertThat(link.streaming()).isFalse();
        }
        ProtocolView v = views.get(0);
        assertThat(v.error()).isNull();
        assertThat(v.intervalMillis()).isEqualTo(300);
        assertThat(v.brokers()).extracting(ProtocolView.Broker::address).containsExactlyInAnyOrder("10.0.0.1:10911",
                "10.0.0.2:10911");
        assertThat(v.routes()).containsExactly(Map.entry("TopicTest", List.of("broker-a (master 10.0.0.1:10911)")));
        assertThat(asked).as("system topics are not asked for").containsOnly("TopicTest");
        assertThat(views.get(1).polledAtMillis() - v.polledAtMillis()).as("polled at the interval, not every second")
                .isGreaterThanOrEqualTo(300);
    }
}
