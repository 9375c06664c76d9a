package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaymq.protocol.wire.LanguageCode;

/**
 * Every example body of protocol.md §4.3/§4.4 decodes to the expected record, and encoding that record
 * gives exactly the example text (the fixtures' line breaks and indentation are layout only).
 * register-broker-body.json lists its two topics in sorted order, which is how we write map keys.
 */
class BodyGoldenTest {

    static final MessageQueue MQ0 = MessageQueue.of("T", "b", 0);
    static final MessageQueue MQ1 = MessageQueue.of("T", "b", 1);

    record Golden<T>(String fixture, T expected, Function<byte[], T> decoder, Function<T, byte[]> encoder) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Arguments> goldens() {
        return Stream.of(
                new Golden<>("register-broker-body.json", RouteSamples.registerBody(),
                        b -> RegisterBrokerBody.decode(b, false, 409), r -> r.encode(false)),
                new Golden<>("topic-route-standard.json", RouteSamples.route(), TopicRouteData::decode,
                        r -> r.encode(true)),
                new Golden<>("topic-route-fastjson.json", RouteSamples.route(), TopicRouteData::decode,
                        r -> r.encode(false)),
                new Golden<>("cluster-info.json", RouteSamples.clusterInfo(), ClusterInfo::decode,
                        ClusterInfo::encode),
                new Golden<>("heartbeat.json", heartbeat(), HeartbeatData::decode, HeartbeatData::encode),
                new Golden<>("consumer-id-list.json", new GetConsumerListByGroupResponseBody(
                        List.of("192.168.0.2@12345#93486012457013", "192.168.0.3@777#1")),
                        GetConsumerListByGroupResponseBody::decode, GetConsumerListByGroupResponseBody::encode),
                new Golden<>("lock-batch-request.json", new LockBatchRequestBody("192.168.0.2@12345#93486012457013",
                        "cg", Set.of(MQ0), false), LockBatchRequestBody::decode, LockBatchRequestBody::encode),
                new Golden<>("lock-batch-response.json", new LockBatchResponseBody(Set.of(MQ0)),
                        LockBatchResponseBody::decode, LockBatchResponseBody::encode),
                new Golden<>("kv-table.json", new KVTable(Map.of("k", "v")), KVTable::decode, KVTable::encode),
                new Golden<>("topic-list.json", TopicList.of(orderedSet("a", "b")), TopicList::decode,
                        TopicList::encode),
                new Golden<>("topic-list-with-addr.json", new TopicList("192.168.0.10:10911",
                        orderedSet("DefaultCluster", "broker-a")), TopicList::decode, TopicList::encode),
                new Golden<>("group-list.json", new GroupList(Set.of("g1")), GroupList::decode, GroupList::encode),
                new Golden<>("data-version.json", new DataVersion(1700000000000L, 5, 0L), DataVersion::decode,
                        DataVersion::encode),
                new Golden<>("consumer-offset.json", new ConsumerOffsetSerializeWrapper(
                        Map.of("TopicTest@cg", Map.of(0, 12L, 1, 7L))),
                        ConsumerOffsetSerializeWrapper::decode, ConsumerOffsetSerializeWrapper::encode),
                new Golden<>("delay-offset.json", new DelayOffsetSerializeWrapper(Map.of(1, 0L, 3, 15L)),
                        DelayOffsetSerializeWrapper::decode, DelayOffsetSerializeWrapper::encode),
                new Golden<>("subscription-group-config.json", SubscriptionGroupConfig.defaults("cg"),
                        SubscriptionGroupConfig::decode, SubscriptionGroupConfig::encode),
                new Golden<>("subscription-group-wrapper.json", new SubscriptionGroupWrapper(
                        new DataVersion(1700000000000L, 2), Map.of("cg", SubscriptionGroupConfig.defaults("cg"))),
                        SubscriptionGroupWrapper::decode, SubscriptionGroupWrapper::encode),
                new Golden<>("consumer-connection.json", consumerConnection(), ConsumerConnection::decode,
                        ConsumerConnection::encode),
                new Golden<>("producer-connection.json", new ProducerConnection(Set.of(connection())),
                        ProducerConnection::decode, ProducerConnection::encode),
                new Golden<>("topic-stats-table.json", new TopicStatsTable(Map.of(
                        MQ0, new TopicOffset(0, 10, 0), MQ1, new TopicOffset(1700000000000L, 12, 2))),
                        TopicStatsTable::decode, TopicStatsTable::encode),
                new Golden<>("consume-stats.json", new ConsumeStats(0.0,
                        Map.of(MQ0, new OffsetWrapper(10, 8, 1700000000000L))),
                        ConsumeStats::decode, ConsumeStats::encode),
                new Golden<>("reset-offset.json", new ResetOffsetBody(Map.of(MQ0, 123L)),
                        ResetOffsetBody::decode, ResetOffsetBody::encode)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    <T> void exampleDecodesToTheExpectedRecord(Golden<T> golden) {
        assertThat(golden.decoder().apply(Fixtures.bytes(golden.fixture()))).isEqualTo(golden.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    <T> void recordEncodesToExactlyTheExampleText(Golden<T> golden) {
        String ours = Fixtures.utf8(golden.encoder().apply(golden.expected()));
        assertThat(ours).isEqualTo(Fixtures.compact(Fixtures.text(golden.fixture())));
    }

    static HeartbeatData heartbeat() {
        SubscriptionData tagA = SubscriptionData.of("TopicTest", "TagA", 1700000000123L);
        SubscriptionData all = SubscriptionData.of("%RETRY%cg", "*", 1700000000124L);
        ConsumerData consumer = new ConsumerData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                ConsumeType.CONSUME_PASSIVELY, "cg", MessageModel.CLUSTERING, orderedSet(tagA, all), false);
        return HeartbeatData.of("192.168.0.2@12345#93486012457013",
                orderedSet(new ProducerData("CLIENT_INNER_PRODUCER"), new ProducerData("pg")), Set.of(consumer));
    }

    static Connection connection() {
        return new Connection("1.2.3.4:5678", "1.2.3.4@5678#1", LanguageCode.JAVA, 409);
    }

    static ConsumerConnection consumerConnection() {
        return new ConsumerConnection(Set.of(connection()), ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                Map.of("T", SubscriptionData.of("T", "TagA || TagB", 1700000000123L)));
    }

    @SafeVarargs
    static <E> Set<E> orderedSet(E... elements) {
        return new LinkedHashSet<>(List.of(elements));
    }
}
