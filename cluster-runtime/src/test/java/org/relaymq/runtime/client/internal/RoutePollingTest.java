package org.relaymq.runtime.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ManualClock;

/** Route polling on a manual clock against in-memory NameServers. */
class RoutePollingTest {

    private final ManualClock clock = new ManualClock();
    private final FakeTransport transport = new FakeTransport();
    private final List<NodeEvent> events = new CopyOnWriteArrayList<>();
    private final ClientInstance client = new ClientInstance(
            ClientConfig.fromProfile(TimingProfile.CLASSROOM, "ns1:9876;ns2:9876").withClientIp("127.0.0.1")
                    .withInstanceName("test"), transport, clock, clock, Runnable::run);

    private static final TopicRouteData ROUTE = new TopicRouteData(null, List.of(new QueueData("broker-a", 4, 4, 6, 0)),
            List.of(new BrokerData("C", "broker-a", Map.of(0L, "10.0.0.1:10911"))), null);

    RoutePollingTest() {
        client.events().subscribe(10_000, events::add, Runnable::run);
        client.registerProducer(new ProducerMember() {
            @Override
            public String group() {
                return "pg";
            }

            @Override
            public Set<String> topicsInUse() {
                return Set.of("T");
            }
        });
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void serve(String ns) {
        transport.servers.put(ns, (addr, request) -> {
            String topic = GetRouteInfoRequestHeader.fromExt(request.ext()).topic();
            return "T".equals(topic) ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                    ROUTE.encode(true)) : RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "none");
        });
    }

    private long routeQueries() {
        return transport.calls.stream().filter(c -> c.code() == RequestCode.GET_ROUTEINFO_BY_TOPIC).count();
    }

    private List<NodeEvent> kind(String k) {
        return events.stream().filter(e -> e.kind().equals(k)).toList();
    }

    @Test
    void routesArePolledTenMillisAfterStartThenEveryInterval() {
        serve("ns1:9876");
        serve("ns2:9876");
        client.start();
        clock.advance(Duration.ofMillis(9));
        assertThat(routeQueries()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(routeQueries()).isEqualTo(1);
        assertThat(client.routes().cached("T")).contains(RouteService.normalize(ROUTE));
        assertThat(kind(EventKind.ROUTE_POLLED)).singleElement()
                .satisfies(e -> assertThat(e.data().get("changed").getAsBoolean()).isTrue());
        clock.advance(Duration.ofMillis(2999));
        assertThat(routeQueries()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(routeQueries()).isEqualTo(2);
        assertThat(kind(EventKind.ROUTE_POLLED).get(1).data().get("changed").getAsBoolean()).isFalse();
    }

    @Test
    void withEveryNameServerDownTheCachedRouteKeepsServingAndTheClientSaysSo() {
        serve("ns1:9876");
        serve("ns2:9876");
        client.start();
        clock.advance(Duration.ofMillis(10));
        transport.servers.clear();
        clock.advance(Duration.ofSeconds(3));
        assertThat(client.namesrvStatus().reachable()).isFalse();
        assertThat(client.namesrvStatus().unreachableSinceMillis()).isEqualTo(clock.wallMillis());
        assertThat(kind(EventKind.NAMESRV_UNREACHABLE)).singleElement().satisfies(e ->
                assertThat(e.data().getAsJsonArray("cachedTopics").toString()).contains("T"));
        assertThat(client.routes().fetch("T")).contains(RouteService.normalize(ROUTE));
        assertThat(client.routes().masterAddr("broker-a")).isEqualTo("10.0.0.1:10911");

        serve("ns2:9876");
        clock.advance(Duration.ofSeconds(3));
        assertThat(client.namesrvStatus().reachable()).isTrue();
        assertThat(client.namesrvStatus().current()).isEqualTo("ns2:9876");
    }

    @Test
    void aFailingNameServerIsSkippedAndTheClientStaysOnTheOneThatAnswered() {
        serve("ns2:9876");
        client.start();
        clock.advance(Duration.ofMillis(10));
        clock.advance(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        List<String> answered = transport.calls.stream().filter(c -> c.code() == RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .map(FakeTransport.Call::addr).toList();
        assertThat(answered.subList(answered.size() - 2, answered.size())).containsOnly("ns2:9876");
        assertThat(kind(EventKind.NAMESRV_UNREACHABLE)).isEmpty();
        assertThat(client.clientId()).isEqualTo("127.0.0.1@test");
    }
}
