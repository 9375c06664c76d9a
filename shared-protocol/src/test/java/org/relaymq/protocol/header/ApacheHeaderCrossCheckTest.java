package org.relaymq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/**
 * Apache 4.9.8 headers built with their setters, as the official client / broker / NameServer build them,
 * flattened by Apache's own {@code makeCustomHeaderToNet()}: the ext must equal our {@code toExt()} for
 * the same values, and our {@code fromExt()} must read it back into the same record.
 */
class ApacheHeaderCrossCheckTest {

    @Test
    void registerBroker() {
        var apache = new org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader();
        apache.setBrokerName("broker-a");
        apache.setBrokerAddr("192.168.0.10:10911");
        apache.setClusterName("DefaultCluster");
        apache.setHaServerAddr("192.168.0.10:10912");
        apache.setBrokerId(0L);
        apache.setCompressed(true);
        apache.setBodyCrc32(0x1234_5678);
        var ours = new RegisterBrokerRequestHeader("broker-a", "192.168.0.10:10911", "DefaultCluster",
                "192.168.0.10:10912", 0L, true, 0x1234_5678);

        assertSameExt(RequestCode.REGISTER_BROKER, apache, ours.toExt());
        assertThat(RegisterBrokerRequestHeader.fromExt(apacheExt(RequestCode.REGISTER_BROKER, apache)))
                .isEqualTo(ours);
    }

    @Test
    void registerBrokerWithApacheDefaultsSendsCompressedFalseAndCrcZero() {
        var apache = new org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader();
        apache.setBrokerName("b");
        apache.setBrokerAddr("a:1");
        apache.setClusterName("c");
        apache.setHaServerAddr("a:2");
        apache.setBrokerId(1L);

        assertSameExt(RequestCode.REGISTER_BROKER, apache,
                new RegisterBrokerRequestHeader("b", "a:1", "c", "a:2", 1L, false, 0).toExt());
    }

    @Test
    void sendMessageLongNamesAndV2() {
        var v1 = new org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader();
        v1.setProducerGroup("pg");
        v1.setTopic("%RETRY%cg");
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(1);
        v1.setSysFlag(0);
        v1.setBornTimestamp(1_700_000_000_000L);
        v1.setFlag(3);
        v1.setProperties("TAGS\u0001TagA\u0002");
        v1.setReconsumeTimes(2);
        v1.setUnitMode(true);
        v1.setMaxReconsumeTimes(16);
        v1.setBatch(true);
        v1.setBname("broker-a");
        var ours = HeaderCases.fullSend();

        assertSameExt(RequestCode.SEND_MESSAGE, v1, ours.toExt());
        var v2 = org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2
                .createSendMessageRequestHeaderV2(v1);
        assertSameExt(RequestCode.SEND_MESSAGE_V2, v2, ours.toExtV2());
        assertThat(SendMessageRequestHeader.fromExtV2(apacheExt(RequestCode.SEND_MESSAGE_V2, v2))).isEqualTo(ours);
        assertThat(SendMessageRequestHeader.fromExt(apacheExt(RequestCode.SEND_MESSAGE, v1))).isEqualTo(ours);
    }

    @Test
    void brokerConvertsOurV2ExtToTheSameLongNamesWeWrite() throws Exception {
        var ours = HeaderCases.fullSend();
        var v2 = decode(ours.toExtV2(), org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2.class);
        var v1 = org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2
                .createSendMessageRequestHeaderV1(v2);

        assertSameExt(RequestCode.SEND_MESSAGE, v1, ours.toExt());
    }

    @Test
    void sendMessageResponse() throws Exception {
        var apache = new org.apache.rocketmq.common.protocol.header.SendMessageResponseHeader();
        apache.setMsgId("C0A8000A00002A9F0000000000001A2B");
        apache.setQueueId(1);
        apache.setQueueOffset(42L);
        var ours = new SendMessageResponseHeader("C0A8000A00002A9F0000000000001A2B", 1, 42L);

        assertSameExt(0, apache, ours.toExt());
        var read = decode(ours.toExt("DefaultRegion", true),
                org.apache.rocketmq.common.protocol.header.SendMessageResponseHeader.class);
        assertThat(read.getMsgId()).isEqualTo(ours.msgId());
        assertThat(read.getQueueId()).isEqualTo(1);
        assertThat(read.getQueueOffset()).isEqualTo(42L);
    }

    @Test
    void pullMessageRequest() throws Exception {
        var apache = new org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader();
        apache.setConsumerGroup("cg");
        apache.setTopic("TopicTest");
        apache.setQueueId(2);
        apache.setQueueOffset(100L);
        apache.setMaxMsgNums(32);
        apache.setSysFlag(0x0F);
        apache.setCommitOffset(99L);
        apache.setSuspendTimeoutMillis(15_000L);
        apache.setSubscription("TagA || TagB");
        apache.setSubVersion(1_700_000_000_001L);
        apache.setExpressionType("TAG");
        apache.setBname("broker-a");
        var ours = new PullMessageRequestHeader("cg", "TopicTest", 2, 100L, 32, 0x0F, 99L, 15_000L,
                "TagA || TagB", 1_700_000_000_001L, "TAG", "broker-a");

        assertSameExt(RequestCode.PULL_MESSAGE, apache, ours.toExt());
        var read = decode(ours.toExt(), org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader.class);
        assertThat(read.getQueueOffset()).isEqualTo(100L);
        assertThat(read.getSuspendTimeoutMillis()).isEqualTo(15_000L);
        assertThat(read.getBname()).isEqualTo("broker-a");
    }

    @Test
    void pullMessageResponse() throws Exception {
        var apache = new org.apache.rocketmq.common.protocol.header.PullMessageResponseHeader();
        apache.setSuggestWhichBrokerId(1L);
        apache.setNextBeginOffset(132L);
        apache.setMinOffset(0L);
        apache.setMaxOffset(500L);
        var ours = new PullMessageResponseHeader(1L, 132L, 0L, 500L);

        assertSameExt(0, apache, ours.toExt());
        var read = decode(ours.toExt(), org.apache.rocketmq.common.protocol.header.PullMessageResponseHeader.class);
        assertThat(read.getNextBeginOffset()).isEqualTo(132L);
        assertThat(read.getMaxOffset()).isEqualTo(500L);
    }

    @Test
    void queryAndUpdateConsumerOffset() {
        var query = new org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader();
        query.setConsumerGroup("cg");
        query.setTopic("TopicTest");
        query.setQueueId(3);
        var queryResponse = new org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetResponseHeader();
        queryResponse.setOffset(18L);
        var update = new org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader();
        update.setConsumerGroup("cg");
        update.setTopic("TopicTest");
        update.setQueueId(0);
        update.setCommitOffset(18L);
        update.setBname("broker-a");

        assertSameExt(RequestCode.QUERY_CONSUMER_OFFSET, query,
                new QueryConsumerOffsetRequestHeader("cg", "TopicTest", 3).toExt());
        assertSameExt(0, queryResponse, new QueryConsumerOffsetResponseHeader(18L).toExt());
        assertSameExt(RequestCode.UPDATE_CONSUMER_OFFSET, update,
                new UpdateConsumerOffsetRequestHeader("cg", "TopicTest", 0, 18L, "broker-a").toExt());
    }

    @Test
    void getRouteInfo() {
        var plain = new org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader();
        plain.setTopic("TopicTest");
        var standardJson = new org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader();
        standardJson.setTopic("TopicTest");
        standardJson.setAcceptStandardJsonOnly(true);

        assertSameExt(RequestCode.GET_ROUTEINFO_BY_TOPIC, plain,
                new GetRouteInfoRequestHeader("TopicTest", null).toExt());
        assertSameExt(RequestCode.GET_ROUTEINFO_BY_TOPIC, standardJson,
                new GetRouteInfoRequestHeader("TopicTest", true).toExt());
    }

    @Test
    void consumerSendMsgBack() {
        var apache = new org.apache.rocketmq.common.protocol.header.ConsumerSendMsgBackRequestHeader();
        apache.setOffset(8192L);
        apache.setGroup("cg");
        apache.setDelayLevel(0);
        apache.setOriginMsgId("UNIQ-1");
        apache.setOriginTopic("TopicTest");
        apache.setMaxReconsumeTimes(16);
        var ours = new ConsumerSendMsgBackRequestHeader(8192L, "cg", 0, "UNIQ-1", "TopicTest", false, 16);

        assertSameExt(RequestCode.CONSUMER_SEND_MSG_BACK, apache, ours.toExt());
        assertThat(ConsumerSendMsgBackRequestHeader.fromExt(apacheExt(RequestCode.CONSUMER_SEND_MSG_BACK, apache)))
                .isEqualTo(ours);
    }

    @Test
    void queryMessageWithTheUniqueKeyFlagTheClientAdds() {
        var apache = new org.apache.rocketmq.common.protocol.header.QueryMessageRequestHeader();
        apache.setTopic("TopicTest");
        apache.setKey("C0A80002");
        apache.setMaxNum(32);
        apache.setBeginTimestamp(5L);
        apache.setEndTimestamp(9L);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_MESSAGE, apache);
        request.addExtField("_UNIQUE_KEY_QUERY", Boolean.TRUE.toString());
        request.makeCustomHeaderToNet();
        var response = new org.apache.rocketmq.common.protocol.header.QueryMessageResponseHeader();
        response.setIndexLastUpdateTimestamp(1_700_000_000_000L);
        response.setIndexLastUpdatePhyoffset(65536L);

        var ours = new QueryMessageRequestHeader("TopicTest", "C0A80002", 32, 5L, 9L, true);
        assertThat(request.getExtFields()).isEqualTo(ours.toExt());
        assertThat(QueryMessageRequestHeader.fromExt(request.getExtFields())).isEqualTo(ours);
        assertSameExt(0, response, new QueryMessageResponseHeader(1_700_000_000_000L, 65536L).toExt());
    }

    @Test
    void createTopic() {
        var apache = new org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader();
        apache.setTopic("TopicTest");
        apache.setDefaultTopic("TBW102");
        apache.setReadQueueNums(8);
        apache.setWriteQueueNums(8);
        apache.setPerm(6);
        apache.setTopicFilterType("SINGLE_TAG");
        apache.setTopicSysFlag(0);
        var ours = new CreateTopicRequestHeader("TopicTest", "TBW102", 8, 8, 6, "SINGLE_TAG", 0, false);

        assertSameExt(RequestCode.UPDATE_AND_CREATE_TOPIC, apache, ours.toExt());
        assertThat(CreateTopicRequestHeader.fromExt(apacheExt(RequestCode.UPDATE_AND_CREATE_TOPIC, apache)))
                .isEqualTo(ours);
    }

    @Test
    void endTransactionSendsFromTransactionCheckEvenWhenUnset() {
        var apache = new org.apache.rocketmq.common.protocol.header.EndTransactionRequestHeader();
        apache.setProducerGroup("pg");
        apache.setTranStateTableOffset(12L);
        apache.setCommitLogOffset(4096L);
        apache.setCommitOrRollback(8);
        apache.setMsgId("UNIQ-1");

        assertSameExt(RequestCode.END_TRANSACTION, apache,
                new EndTransactionRequestHeader("pg", 12L, 4096L, 8, false, "UNIQ-1", null).toExt());
    }

    private static Map<String, String> apacheExt(int code, CommandCustomHeader header) {
        RemotingCommand command = RemotingCommand.createRequestCommand(code, header);
        command.makeCustomHeaderToNet();
        return command.getExtFields();
    }

    private static void assertSameExt(int code, CommandCustomHeader apache, Map<String, String> ours) {
        assertThat(ours).isEqualTo(apacheExt(code, apache));
    }

    @SuppressWarnings("unchecked")
    private static <T extends CommandCustomHeader> T decode(Map<String, String> ext, Class<T> type)
            throws Exception {
        RemotingCommand command = RemotingCommand.createRequestCommand(0, null);
        command.setExtFields(new HashMap<>(ext));
        return (T) command.decodeCommandCustomHeader(type);
    }
}
