package org.relaymq.protocol.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One sample per header codec (full, and minimal where fields are optional), shared by the header tests. */
final class HeaderCases {

    /** Ext keys our records write that Apache 4.9.8 header classes do not declare. */
    static final Set<String> NOT_IN_APACHE_498 =
            Set.of("_UNIQUE_KEY_QUERY", "heartbeatTimeoutMillis", "enableActingMaster");

    private static final String APACHE_PACKAGE = "org.apache.rocketmq.common.protocol.header.";
    private static final String NS = "namesrv.";

    record Case(String name, Object sample, Function<Map<String, String>, Object> decoder,
                Function<Object, Map<String, String>> encoder, String apacheClass, Set<String> requiredKeys) {

        Map<String, String> ext() {
            return encoder.apply(sample);
        }

        Object decode(Map<String, String> ext) {
            return decoder.apply(ext);
        }

        Class<?> apache() throws ClassNotFoundException {
            return Class.forName(APACHE_PACKAGE + apacheClass);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Case of(String label, T sample, Function<Map<String, String>, T> decode,
                               Function<T, Map<String, String>> encode, String apache, String... required) {
        String name = sample.getClass().getSimpleName() + (label.isEmpty() ? "" : " (" + label + ")");
        return new Case(name, sample, (Function<Map<String, String>, Object>) (Function<?, ?>) decode,
                (Function<Object, Map<String, String>>) (Function<?, ?>) encode, apache, Set.of(required));
    }

    private HeaderCases() {
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(nameServer());
        all.addAll(kvAndAdminOfNameServer());
        all.addAll(producer());
        all.addAll(consumerOffsets());
        all.addAll(consumerMisc());
        all.addAll(admin());
        return all;
    }

    static List<Case> nameServer() {
        return List.of(
                of("4.x", new RegisterBrokerRequestHeader("broker-a", "192.168.0.10:10911", "DefaultCluster",
                                "192.168.0.10:10912", 0L, true, 123456789),
                        RegisterBrokerRequestHeader::fromExt, RegisterBrokerRequestHeader::toExt,
                        NS + "RegisterBrokerRequestHeader",
                        "brokerName", "brokerAddr", "clusterName", "haServerAddr", "brokerId"),
                of("5.x", new RegisterBrokerRequestHeader("broker-a", "192.168.0.10:10911", "DefaultCluster",
                                "192.168.0.10:10912", 1L, false, 0, 60_000L, true),
                        RegisterBrokerRequestHeader::fromExt, RegisterBrokerRequestHeader::toExt,
                        NS + "RegisterBrokerRequestHeader",
                        "brokerName", "brokerAddr", "clusterName", "haServerAddr", "brokerId"),
                of("slave", new RegisterBrokerResponseHeader("10.0.0.1:10912", "10.0.0.1:10911"),
                        RegisterBrokerResponseHeader::fromExt, RegisterBrokerResponseHeader::toExt,
                        NS + "RegisterBrokerResponseHeader"),
                of("master", new RegisterBrokerResponseHeader(null, null),
                        RegisterBrokerResponseHeader::fromExt, RegisterBrokerResponseHeader::toExt,
                        NS + "RegisterBrokerResponseHeader"),
                of("", new UnregisterBrokerRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster", 2L),
                        UnregisterBrokerRequestHeader::fromExt, UnregisterBrokerRequestHeader::toExt,
                        NS + "UnRegisterBrokerRequestHeader", "brokerName", "brokerAddr", "clusterName", "brokerId"),
                of("full", new GetRouteInfoRequestHeader("TopicTest", true),
                        GetRouteInfoRequestHeader::fromExt, GetRouteInfoRequestHeader::toExt,
                        NS + "GetRouteInfoRequestHeader", "topic"),
                of("minimal", new GetRouteInfoRequestHeader("TopicTest", null),
                        GetRouteInfoRequestHeader::fromExt, GetRouteInfoRequestHeader::toExt,
                        NS + "GetRouteInfoRequestHeader", "topic"),
                of("", new QueryDataVersionRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster", 0L),
                        QueryDataVersionRequestHeader::fromExt, QueryDataVersionRequestHeader::toExt,
                        NS + "QueryDataVersionRequestHeader", "brokerName", "brokerAddr", "clusterName", "brokerId"),
                of("", new QueryDataVersionResponseHeader(true),
                        QueryDataVersionResponseHeader::fromExt, QueryDataVersionResponseHeader::toExt,
                        NS + "QueryDataVersionResponseHeader", "changed"));
    }

    static List<Case> kvAndAdminOfNameServer() {
        return List.of(
                of("", new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4"),
                        PutKVConfigRequestHeader::fromExt, PutKVConfigRequestHeader::toExt,
                        NS + "PutKVConfigRequestHeader", "namespace", "key", "value"),
                of("", new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        GetKVConfigRequestHeader::fromExt, GetKVConfigRequestHeader::toExt,
                        NS + "GetKVConfigRequestHeader", "namespace", "key"),
                of("found", new GetKVConfigResponseHeader("broker-a:4"),
                        GetKVConfigResponseHeader::fromExt, GetKVConfigResponseHeader::toExt,
                        NS + "GetKVConfigResponseHeader"),
                of("not found", new GetKVConfigResponseHeader(null),
                        GetKVConfigResponseHeader::fromExt, GetKVConfigResponseHeader::toExt,
                        NS + "GetKVConfigResponseHeader"),
                of("", new DeleteKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        DeleteKVConfigRequestHeader::fromExt, DeleteKVConfigRequestHeader::toExt,
                        NS + "DeleteKVConfigRequestHeader", "namespace", "key"),
                of("", new GetKVListByNamespaceRequestHeader("ORDER_TOPIC_CONFIG"),
                        GetKVListByNamespaceRequestHeader::fromExt, GetKVListByNamespaceRequestHeader::toExt,
                        NS + "GetKVListByNamespaceRequestHeader", "namespace"),
                of("full", new DeleteTopicFromNamesrvRequestHeader("TopicTest", "DefaultCluster"),
                        DeleteTopicFromNamesrvRequestHeader::fromExt, DeleteTopicFromNamesrvRequestHeader::toExt,
                        NS + "DeleteTopicFromNamesrvRequestHeader", "topic"),
                of("minimal", new DeleteTopicFromNamesrvRequestHeader("TopicTest", null),
                        DeleteTopicFromNamesrvRequestHeader::fromExt, DeleteTopicFromNamesrvRequestHeader::toExt,
                        NS + "DeleteTopicFromNamesrvRequestHeader", "topic"),
                of("", new WipeWritePermOfBrokerRequestHeader("broker-a"),
                        WipeWritePermOfBrokerRequestHeader::fromExt, WipeWritePermOfBrokerRequestHeader::toExt,
                        NS + "WipeWritePermOfBrokerRequestHeader", "brokerName"),
                of("", new WipeWritePermOfBrokerResponseHeader(7),
                        WipeWritePermOfBrokerResponseHeader::fromExt, WipeWritePermOfBrokerResponseHeader::toExt,
                        NS + "WipeWritePermOfBrokerResponseHeader", "wipeTopicCount"),
                of("", new AddWritePermOfBrokerRequestHeader("broker-a"),
                        AddWritePermOfBrokerRequestHeader::fromExt, AddWritePermOfBrokerRequestHeader::toExt,
                        NS + "AddWritePermOfBrokerRequestHeader", "brokerName"),
                of("", new AddWritePermOfBrokerResponseHeader(5),
                        AddWritePermOfBrokerResponseHeader::fromExt, AddWritePermOfBrokerResponseHeader::toExt,
                        NS + "AddWritePermOfBrokerResponseHeader", "addTopicCount"),
                of("", new GetTopicsByClusterRequestHeader("DefaultCluster"),
                        GetTopicsByClusterRequestHeader::fromExt, GetTopicsByClusterRequestHeader::toExt,
                        "GetTopicsByClusterRequestHeader", "cluster"));
    }

    static SendMessageRequestHeader fullSend() {
        return new SendMessageRequestHeader("pg", "%RETRY%cg", "TBW102", 4, 1, 0, 1_700_000_000_000L, 3,
                "TAGS\u0001TagA\u0002", 2, true, 16, true, "broker-a");
    }

    static SendMessageRequestHeader minimalSend() {
        return new SendMessageRequestHeader("pg", "TopicTest", "TBW102", 4, -1, 0, 1_700_000_000_000L, 0,
                null, null, false, null, false, null);
    }

    static List<Case> producer() {
        String[] longRequired = {"producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId",
            "sysFlag", "bornTimestamp", "flag"};
        String[] v2Required = {"a", "b", "c", "d", "e", "f", "g", "h"};
        return List.of(
                of("long, full", fullSend(), SendMessageRequestHeader::fromExt, SendMessageRequestHeader::toExt,
                        "SendMessageRequestHeader", longRequired),
                of("long, minimal", minimalSend(), SendMessageRequestHeader::fromExt, SendMessageRequestHeader::toExt,
                        "SendMessageRequestHeader", longRequired),
                of("V2, full", fullSend(), SendMessageRequestHeader::fromExtV2, SendMessageRequestHeader::toExtV2,
                        "SendMessageRequestHeaderV2", v2Required),
                of("V2, minimal", minimalSend(), SendMessageRequestHeader::fromExtV2,
                        SendMessageRequestHeader::toExtV2, "SendMessageRequestHeaderV2", v2Required),
                of("full", new SendMessageResponseHeader("C0A8000A00002A9F0000000000001A2B", 1, 42L, "tx-1"),
                        SendMessageResponseHeader::fromExt, SendMessageResponseHeader::toExt,
                        "SendMessageResponseHeader", "msgId", "queueId", "queueOffset"),
                of("minimal", new SendMessageResponseHeader("C0A8000A00002A9F0000000000001A2B", 1, 42L),
                        SendMessageResponseHeader::fromExt, SendMessageResponseHeader::toExt,
                        "SendMessageResponseHeader", "msgId", "queueId", "queueOffset"),
                of("full", new UnregisterClientRequestHeader("10.0.0.2@4242", "pg", "cg"),
                        UnregisterClientRequestHeader::fromExt, UnregisterClientRequestHeader::toExt,
                        "UnregisterClientRequestHeader", "clientID"),
                of("minimal", new UnregisterClientRequestHeader("10.0.0.2@4242", null, null),
                        UnregisterClientRequestHeader::fromExt, UnregisterClientRequestHeader::toExt,
                        "UnregisterClientRequestHeader", "clientID"),
                of("", new EndTransactionRequestHeader("pg", 12L, 4096L, 8, true, "UNIQ-1", "TX-1", "broker-a"),
                        EndTransactionRequestHeader::fromExt, EndTransactionRequestHeader::toExt,
                        "EndTransactionRequestHeader", "producerGroup", "tranStateTableOffset", "commitLogOffset",
                        "commitOrRollback", "msgId"),
                of("minimal", new EndTransactionRequestHeader("pg", 12L, 4096L, 0, false, "UNIQ-1", null),
                        EndTransactionRequestHeader::fromExt, EndTransactionRequestHeader::toExt,
                        "EndTransactionRequestHeader", "producerGroup", "tranStateTableOffset", "commitLogOffset",
                        "commitOrRollback", "msgId"),
                of("", new CheckTransactionStateRequestHeader(12L, 4096L, "UNIQ-1", "UNIQ-1", "OFFSET-ID", "b"),
                        CheckTransactionStateRequestHeader::fromExt, CheckTransactionStateRequestHeader::toExt,
                        "CheckTransactionStateRequestHeader", "tranStateTableOffset", "commitLogOffset"),
                of("minimal", new CheckTransactionStateRequestHeader(12L, 4096L, null, null, null),
                        CheckTransactionStateRequestHeader::fromExt, CheckTransactionStateRequestHeader::toExt,
                        "CheckTransactionStateRequestHeader", "tranStateTableOffset", "commitLogOffset"));
    }

    static List<Case> consumerOffsets() {
        return List.of(
                of("full", new PullMessageRequestHeader("cg", "TopicTest", 2, 100L, 32, 0x0F, 99L, 15_000L,
                                "TagA || TagB", 1_700_000_000_001L, "TAG", "broker-a"),
                        PullMessageRequestHeader::fromExt, PullMessageRequestHeader::toExt,
                        "PullMessageRequestHeader", "consumerGroup", "topic", "queueId", "queueOffset", "maxMsgNums",
                        "sysFlag", "commitOffset", "suspendTimeoutMillis", "subVersion"),
                of("minimal", new PullMessageRequestHeader("cg", "TopicTest", 2, 100L, 32, 0x02, 0L, 20_000L,
                                null, 0L, null),
                        PullMessageRequestHeader::fromExt, PullMessageRequestHeader::toExt,
                        "PullMessageRequestHeader", "consumerGroup", "topic", "queueId", "queueOffset", "maxMsgNums",
                        "sysFlag", "commitOffset", "suspendTimeoutMillis", "subVersion"),
                of("", new PullMessageResponseHeader(1L, 132L, 0L, 500L),
                        PullMessageResponseHeader::fromExt, PullMessageResponseHeader::toExt,
                        "PullMessageResponseHeader", "suggestWhichBrokerId", "nextBeginOffset", "minOffset",
                        "maxOffset"),
                of("", new QueryConsumerOffsetRequestHeader("cg", "TopicTest", 3, "broker-a"),
                        QueryConsumerOffsetRequestHeader::fromExt, QueryConsumerOffsetRequestHeader::toExt,
                        "QueryConsumerOffsetRequestHeader", "consumerGroup", "topic", "queueId"),
                of("", new QueryConsumerOffsetResponseHeader(18L),
                        QueryConsumerOffsetResponseHeader::fromExt, QueryConsumerOffsetResponseHeader::toExt,
                        "QueryConsumerOffsetResponseHeader", "offset"),
                of("", new UpdateConsumerOffsetRequestHeader("cg", "TopicTest", 0, 18L),
                        UpdateConsumerOffsetRequestHeader::fromExt, UpdateConsumerOffsetRequestHeader::toExt,
                        "UpdateConsumerOffsetRequestHeader", "consumerGroup", "topic", "queueId", "commitOffset"),
                of("", new GetMaxOffsetRequestHeader("TopicTest", 1, "broker-a"),
                        GetMaxOffsetRequestHeader::fromExt, GetMaxOffsetRequestHeader::toExt,
                        "GetMaxOffsetRequestHeader", "topic", "queueId"),
                of("", new GetMaxOffsetResponseHeader(77L),
                        GetMaxOffsetResponseHeader::fromExt, GetMaxOffsetResponseHeader::toExt,
                        "GetMaxOffsetResponseHeader", "offset"),
                of("", new GetMinOffsetRequestHeader("TopicTest", 1),
                        GetMinOffsetRequestHeader::fromExt, GetMinOffsetRequestHeader::toExt,
                        "GetMinOffsetRequestHeader", "topic", "queueId"),
                of("", new GetMinOffsetResponseHeader(3L),
                        GetMinOffsetResponseHeader::fromExt, GetMinOffsetResponseHeader::toExt,
                        "GetMinOffsetResponseHeader", "offset"),
                of("", new SearchOffsetRequestHeader("TopicTest", 1, 1_700_000_000_000L, "broker-a"),
                        SearchOffsetRequestHeader::fromExt, SearchOffsetRequestHeader::toExt,
                        "SearchOffsetRequestHeader", "topic", "queueId", "timestamp"),
                of("", new SearchOffsetResponseHeader(55L),
                        SearchOffsetResponseHeader::fromExt, SearchOffsetResponseHeader::toExt,
                        "SearchOffsetResponseHeader", "offset"),
                of("", new GetEarliestMsgStoretimeRequestHeader("TopicTest", 1),
                        GetEarliestMsgStoretimeRequestHeader::fromExt, GetEarliestMsgStoretimeRequestHeader::toExt,
                        "GetEarliestMsgStoretimeRequestHeader", "topic", "queueId"),
                of("", new GetEarliestMsgStoretimeResponseHeader(1_700_000_000_123L),
                        GetEarliestMsgStoretimeResponseHeader::fromExt, GetEarliestMsgStoretimeResponseHeader::toExt,
                        "GetEarliestMsgStoretimeResponseHeader", "timestamp"));
    }

    static List<Case> consumerMisc() {
        return List.of(
                of("", new GetConsumerListByGroupRequestHeader("cg"),
                        GetConsumerListByGroupRequestHeader::fromExt, GetConsumerListByGroupRequestHeader::toExt,
                        "GetConsumerListByGroupRequestHeader", "consumerGroup"),
                of("full", new ConsumerSendMsgBackRequestHeader(8192L, "cg", 0, "UNIQ-1", "TopicTest", true, 16,
                                "broker-a"),
                        ConsumerSendMsgBackRequestHeader::fromExt, ConsumerSendMsgBackRequestHeader::toExt,
                        "ConsumerSendMsgBackRequestHeader", "offset", "group", "delayLevel"),
                of("minimal", new ConsumerSendMsgBackRequestHeader(8192L, "cg", -1, null, null, false, null),
                        ConsumerSendMsgBackRequestHeader::fromExt, ConsumerSendMsgBackRequestHeader::toExt,
                        "ConsumerSendMsgBackRequestHeader", "offset", "group", "delayLevel"),
                of("", new NotifyConsumerIdsChangedRequestHeader("cg"),
                        NotifyConsumerIdsChangedRequestHeader::fromExt, NotifyConsumerIdsChangedRequestHeader::toExt,
                        "NotifyConsumerIdsChangedRequestHeader", "consumerGroup"),
                of("by key", new QueryMessageRequestHeader("TopicTest", "order-7", 64, 0L, Long.MAX_VALUE, false),
                        QueryMessageRequestHeader::fromExt, QueryMessageRequestHeader::toExt,
                        "QueryMessageRequestHeader", "topic", "key", "maxNum", "beginTimestamp", "endTimestamp"),
                of("by unique key", new QueryMessageRequestHeader("TopicTest", "C0A80002", 32, 5L, 9L, true),
                        QueryMessageRequestHeader::fromExt, QueryMessageRequestHeader::toExt,
                        "QueryMessageRequestHeader", "topic", "key", "maxNum", "beginTimestamp", "endTimestamp"),
                of("", new QueryMessageResponseHeader(1_700_000_000_000L, 65536L),
                        QueryMessageResponseHeader::fromExt, QueryMessageResponseHeader::toExt,
                        "QueryMessageResponseHeader", "indexLastUpdateTimestamp", "indexLastUpdatePhyoffset"),
                of("", new ViewMessageRequestHeader(4096L),
                        ViewMessageRequestHeader::fromExt, ViewMessageRequestHeader::toExt,
                        "ViewMessageRequestHeader", "offset"));
    }

    static List<Case> admin() {
        String[] createRequired = {"topic", "defaultTopic", "readQueueNums", "writeQueueNums", "perm",
            "topicFilterType"};
        return List.of(
                of("full", new CreateTopicRequestHeader("TopicTest", "TBW102", 8, 8, 6, "MULTI_TAG", 1, true),
                        CreateTopicRequestHeader::fromExt, CreateTopicRequestHeader::toExt,
                        "CreateTopicRequestHeader", createRequired),
                of("minimal", new CreateTopicRequestHeader("TopicTest", "TBW102", 4, 4, 6, "SINGLE_TAG", null, false),
                        CreateTopicRequestHeader::fromExt, CreateTopicRequestHeader::toExt,
                        "CreateTopicRequestHeader", createRequired),
                of("", new DeleteTopicRequestHeader("TopicTest"),
                        DeleteTopicRequestHeader::fromExt, DeleteTopicRequestHeader::toExt,
                        "DeleteTopicRequestHeader", "topic"),
                of("", new GetTopicStatsInfoRequestHeader("TopicTest"),
                        GetTopicStatsInfoRequestHeader::fromExt, GetTopicStatsInfoRequestHeader::toExt,
                        "GetTopicStatsInfoRequestHeader", "topic"),
                of("", new GetConsumerConnectionListRequestHeader("cg"),
                        GetConsumerConnectionListRequestHeader::fromExt, GetConsumerConnectionListRequestHeader::toExt,
                        "GetConsumerConnectionListRequestHeader", "consumerGroup"),
                of("full", new GetConsumeStatsRequestHeader("cg", "TopicTest"),
                        GetConsumeStatsRequestHeader::fromExt, GetConsumeStatsRequestHeader::toExt,
                        "GetConsumeStatsRequestHeader", "consumerGroup"),
                of("minimal", new GetConsumeStatsRequestHeader("cg", null),
                        GetConsumeStatsRequestHeader::fromExt, GetConsumeStatsRequestHeader::toExt,
                        "GetConsumeStatsRequestHeader", "consumerGroup"),
                of("", new GetProducerConnectionListRequestHeader("pg"),
                        GetProducerConnectionListRequestHeader::fromExt, GetProducerConnectionListRequestHeader::toExt,
                        "GetProducerConnectionListRequestHeader", "producerGroup"));
    }
}
