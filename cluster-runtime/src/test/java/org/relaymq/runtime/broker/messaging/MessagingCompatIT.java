package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.consumer.PullResultExt;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageClientExt;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 4.9.8 client API layer ({@code MQClientAPIImpl}, what DefaultMQProducer and the consumers call)
 * against our handlers: send, batch send, pull and decode, offsets, view, send-back.
 */
class MessagingCompatIT {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.remoting.version", Integer.toString(MQVersion.CURRENT_VERSION));
    }

    @TempDir
    Path dir;
    MessagingFixture f;
    MQClientAPIImpl api;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture(dir);
        api = new MQClientAPIImpl(new NettyClientConfig(), new ClientRemotingProcessor(null), null, new ClientConfig());
        api.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        api.shutdown();
        f.close();
    }

    @Test
    void officialClientSendsPullsAndDecodes() throws Exception {
        Message msg = new Message("CompatTopic", "TagA", "key-1", "hello".getBytes(StandardCharsets.UTF_8));
        MessageClientIDSetter.setUniqID(msg);
        SendResult sent = api.sendMessage(f.addr, "broker-a", msg, header(msg, false), 3_000,
                CommunicationMode.SYNC, null, null);
        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(sent.getRegionId()).isEqualTo("DefaultRegion");

        List<Message> batch = List.of(new Message("CompatTopic", "TagB", "b0".getBytes(StandardCharsets.UTF_8)),
                new Message("CompatTopic", "TagB", "b1".getBytes(StandardCharsets.UTF_8)));
        batch.forEach(MessageClientIDSetter::setUniqID);
        MessageBatch mb = MessageBatch.generateFromList(batch);
        mb.setBody(mb.encode());
        SendResult batchSent = api.sendMessage(f.addr, "broker-a", mb, header(mb, true), 3_000,
                CommunicationMode.SYNC, null, null);
        assertThat(batchSent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(batchSent.getQueueOffset()).isEqualTo(1);
        assertThat(batchSent.getOffsetMsgId().split(",")).hasSize(2);

        PullResult pulled = api.pullMessage(f.addr, pullHeader(0), 3_000, CommunicationMode.SYNC, null);
        assertThat(pulled.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(pulled.getNextBeginOffset()).isEqualTo(3);
        List<MessageExt> msgs = MessageDecoder.decodes(ByteBuffer.wrap(((PullResultExt) pulled).getMessageBinary()));
        assertThat(msgs).extracting(MessageExt::getTags).containsExactly("TagA", "TagB", "TagB");
        assertThat(((MessageClientExt) msgs.get(0)).getOffsetMsgId()).isEqualTo(sent.getOffsetMsgId());
        assertThat(msgs.get(0).getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(msgs.get(0).getKeys()).isEqualTo("key-1");
        assertThat(msgs.get(2).getQueueOffset()).isEqualTo(2);

        PullResult caughtUp = api.pullMessage(f.addr, pullHeader(3), 3_000, CommunicationMode.SYNC, null);
        assertThat(caughtUp.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
        lookupsAndSendBack(msgs);
    }

    private void lookupsAndSendBack(List<MessageExt> msgs) throws Exception {
        MessageExt viewed = api.viewMessage(f.addr, msgs.get(1).getCommitLogOffset(), 3_000);
        assertThat(new String(viewed.getBody(), StandardCharsets.UTF_8)).isEqualTo("b0");
        assertThat(api.getMaxOffset(f.addr, new MessageQueue("CompatTopic", "broker-a", 0), 3_000)).isEqualTo(3);
        QueryConsumerOffsetRequestHeader q = new QueryConsumerOffsetRequestHeader();
        q.setConsumerGroup("cg");
        q.setTopic("CompatTopic");
        q.setQueueId(0);
        assertThat(api.queryConsumerOffset(f.addr, q, 3_000)).isZero();

        api.consumerSendMessageBack(f.addr, "broker-a", msgs.get(0), "cg", 0, 3_000, 16);
        assertThat(f.topics.find("%RETRY%cg")).isPresent();
    }

    private static SendMessageRequestHeader header(Message msg, boolean batch) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("pg");
        h.setTopic(msg.getTopic());
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(0);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(msg.getFlag());
        h.setProperties(MessageDecoder.messageProperties2String(msg.getProperties()));
        h.setReconsumeTimes(0);
        h.setUnitMode(false);
        h.setBatch(batch);
        return h;
    }

    private static PullMessageRequestHeader pullHeader(long offset) {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup("cg");
        h.setTopic("CompatTopic");
        h.setQueueId(0);
        h.setQueueOffset(offset);
        h.setMaxMsgNums(32);
        h.setSysFlag(PullSysFlag.buildSysFlag(false, false, true, false));
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(0L);
        h.setSubscription("*");
        h.setSubVersion(0L);
        h.setExpressionType("TAG");
        return h;
    }
}
