package org.relaymq.runtime.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.runtime.broker.Broker;

/**
 * The official Apache rocketmq-client 4.9.8 (producer, push and lite-pull consumers, admin) against our
 * NameServer and broker, in process. The broker's delay levels are all 1 s so retries come back quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerCompatIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_MESSAGE_SIZE = 128 * 1024;

    private InProcessCluster cluster;
    private ApacheClients clients;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("offsets").toString());
        cluster = new InProcessCluster(dir).storeTuning(s -> s.withMaxMessageSize(MAX_MESSAGE_SIZE))
                .nameServers(1).brokers(1);
        clients = new ApacheClients(cluster.namesrvAddr());
        admin = clients.admin();
        producer = clients.producer("pg-compat", true); // VIP channel: every send goes to listenPort - 2
    }

    @AfterAll
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private Broker broker() {
        return cluster.broker(0);
    }

    private void createTopic(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(broker().address(), new TopicConfig(topic, queues, queues, 6));
        cluster.awaitRoute(topic, cluster.brokerName(0));
    }

    @Test
    void everyKindOfSendIsConsumedExactlyOnceByTwoClusteringMembersAndTheDelayedOneNotBeforeItsLevel()
            throws Exception {
        String topic = "CompatCluster";
        createTopic(topic, 4);
        Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
        Map<String, Long> delayedArrival = new ConcurrentHashMap<>();
        DefaultMQPushConsumer[] members = new DefaultMQPushConsumer[2];
        for (int i = 0; i < 2; i++) {
            String member = "m" + i;
            members[i] = clients.pushConsumer("cg-cluster");
            members[i].subscribe(topic, "*");
            members[i].setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            members[i].registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    deliveries.computeIfAbsent(m.getMsgId(), k -> new CopyOnWriteArrayList<>()).add(member);
                    if ("delayed".equals(m.getTags())) {
                        delayedArrival.put(m.getMsgId(), System.currentTimeMillis());
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            members[i].start();
        }
        await("both members own disjoint queues covering the topic").atMost(WAIT).until(() -> {
            Set<MessageQueue> a = ApacheClients.owned(members[0], topic);
            Set<MessageQueue> b = ApacheClients.owned(members[1], topic);
            return !a.isEmpty() && !b.isEmpty() && a.size() + b.size() == 4 && Collections.disjoint(a, b);
        });

        List<String> sent = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Message m = new Message(topic, "sync", "skey-" + i, ("sync-" + i).getBytes(StandardCharsets.UTF_8));
            SendResult r = producer.send(m);
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(r.getOffsetMsgId()).isNotEqualTo(r.getMsgId());
            sent.add(r.getMsgId());
        }
        CountDownLatch asyncDone = new CountDownLatch(4);
        List<Throwable> asyncErrors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Message m = new Message(topic, "async", "akey-" + i, ("async-" + i).getBytes(StandardCharsets.UTF_8));
            producer.send(m, new SendCallback() {
                @Override
                public void onSuccess(SendResult r) {
                    sent.add(r.getMsgId());
                    asyncDone.countDown();
                }

                @Override
                public void onException(Throwable e) {
                    asyncErrors.add(e);
                    asyncDone.countDown();
                }
            });
        }
        assertThat(asyncDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asyncErrors).isEmpty();
        for (int i = 0; i < 3; i++) {
            Message m = new Message(topic, "oneway", "okey-" + i, ("oneway-" + i).getBytes(StandardCharsets.UTF_8));
            producer.sendOneway(m);
            sent.add(m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new Message(topic, "batch", "bkey-" + i, ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        SendResult batchResult = producer.send(batch);
        assertThat(batchResult.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(batchResult.getMsgId().split(",")).hasSize(5);
        Collections.addAll(sent, batchResult.getMsgId().split(","));

        Message delayed = new Message(topic, "delayed", "dkey", "later".getBytes(StandardCharsets.UTF_8));
        delayed.setDelayTimeLevel(1);
        long delayedSentAt = System.currentTimeMillis();
        SendResult delayedResult = producer.send(delayed);
        sent.add(delayedResult.getMsgId());

        await("all " + sent.size() + " messages consumed").atMost(WAIT)
                .until(() -> deliveries.keySet().containsAll(sent));
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(deliveries.values()).as("each message consumed exactly once").allMatch(l -> l.size() == 1);
        assertThat(deliveries.values().stream().map(l -> l.get(0)).distinct()).as("both members consumed")
                .containsExactlyInAnyOrder("m0", "m1");
        long delayMillis = delayedArrival.get(delayedResult.getMsgId()) - delayedSentAt;
        System.out.printf("[BrokerCompatIT] %d messages, delayed level 1 consumed after %d ms%n", sent.size(),
                delayMillis);
        assertThat(delayMillis).as("delay level 1 (1 s)").isBetween(950L, 10_000L);
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryMember() throws Exception {
        String topic = "CompatBroadcast"; // auto-created from TBW102 by the first send
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(producer.send(new Message(topic, "b", ("bc-" + i).getBytes(StandardCharsets.UTF_8))).getMsgId());
        }
        cluster.awaitRoute(topic, cluster.brokerName(0));
        List<Set<String>> received = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        for (int i = 0; i < 2; i++) {
            Set<String> mine = received.get(i);
            DefaultMQPushConsumer c = clients.pushConsumer("cg-broadcast");
            c.setMessageModel(MessageModel.BROADCASTING);
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(topic, "*");
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> mine.add(m.getMsgId()));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
        }
        await().atMost(WAIT).until(() -> received.get(0).size() == 10 && received.get(1).size() == 10);
        assertThat(received.get(0)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received.get(1)).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void failedConsumeIsRedeliveredThroughTheRetryTopic() throws Exception {
        String topic = "CompatRetry";
        createTopic(topic, 2);
        createTopic("%RETRY%cg-retry", 1);
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = clients.pushConsumer("cg-retry");
        c.setVipChannelEnabled(true); // 38, 14, 15 and the send-back 36 go to listenPort - 2; pulls do not
        c.subscribe(topic, "*");
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            seen.addAll(msgs);
            return msgs.get(0).getReconsumeTimes() == 0 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                    : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        String msgId = producer.send(new Message(topic, "r", "rkey", "fail-once".getBytes(StandardCharsets.UTF_8)))
                .getMsgId();

        await("redelivery").atMost(WAIT).until(() -> seen.size() >= 2);
        assertThat(seen.get(0).getReconsumeTimes()).isZero();
        MessageExt again = seen.get(1);
        assertThat(again.getMsgId()).isEqualTo(msgId);
        assertThat(again.getReconsumeTimes()).isEqualTo(1);
        assertThat(again.getTopic()).isEqualTo(topic);
        assertThat(again.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo(topic);
        assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("fail-once");
        assertThat(broker().store().maxOffsetInQueue("%RETRY%cg-retry", 0)).isEqualTo(1);
    }

    @Test
    void litePullConsumerAssignedToAQueueRereadsFromTheSoughtOffset() throws Exception {
        String topic = "CompatLite";
        createTopic(topic, 2);
        MessageQueue q0 = new MessageQueue(topic, cluster.brokerName(0), 0);
        for (int i = 0; i < 6; i++) {
            producer.send(new Message(topic, "l", ("lite-" + i).getBytes(StandardCharsets.UTF_8)), q0);
        }
        DefaultLitePullConsumer lite = clients.litePullConsumer("lpc-compat");
        lite.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        lite.setPollTimeoutMillis(500);
        lite.start();
        assertThat(lite.fetchMessageQueues(topic)).contains(q0).hasSize(2);
        lite.assign(List.of(q0));

        List<MessageExt> first = pollUntil(lite, 6);
        assertThat(first).extracting(MessageExt::getQueueOffset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        lite.seek(q0, 2);
        List<MessageExt> reread = pollUntil(lite, 4);
        assertThat(reread).extracting(MessageExt::getQueueOffset).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reread).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                .containsExactly("lite-2", "lite-3", "lite-4", "lite-5");
    }

    private static List<MessageExt> pollUntil(DefaultLitePullConsumer lite, int count) {
        List<MessageExt> got = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            got.addAll(lite.poll(200));
            return got.size() >= count;
        });
        return got;
    }

    @Test
    void aTagExpressionSubscriptionGetsOnlyTheMatchingTags() throws Exception {
        String topic = "CompatTags";
        createTopic(topic, 2);
        List<String> tags = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = clients.pushConsumer("cg-tags");
        c.subscribe(topic, "TagA || TagC");
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> tags.add(m.getTags()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        for (String tag : List.of("TagA", "TagB", "TagC", "TagB", "TagA", "TagD")) {
            producer.send(new Message(topic, tag, tag.getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(new Message(topic, "TagC", "last".getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> tags.size() >= 4);
        assertThat(tags).containsExactlyInAnyOrder("TagA", "TagC", "TagA", "TagC");
    }

    @Test
    void queryByKeyAndViewByOffsetIdFindTheMessage() throws Exception {
        String topic = "CompatLookup";
        Message m = new Message(topic, "q", "order-42", "find-me".getBytes(StandardCharsets.UTF_8));
        SendResult r = producer.send(m);
        cluster.awaitRoute(topic, cluster.brokerName(0));
        List<Message> batch = List.of(new Message(topic, "q", "batch-key-1", "b1".getBytes(StandardCharsets.UTF_8)),
                new Message(topic, "q", "batch-key-2", "b2".getBytes(StandardCharsets.UTF_8)));
        producer.send(batch);
        await("batch entries indexed by their own keys").atMost(WAIT).until(() ->
                producer.queryMessage(topic, "batch-key-2", 32, 0, Long.MAX_VALUE).getMessageList().size() == 1);
        assertThat(new String(producer.queryMessage(topic, "batch-key-2", 32, 0, Long.MAX_VALUE).getMessageList()
                .get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("b2");

        List<MessageExt> found = new ArrayList<>();
        await("index query by key").atMost(WAIT).until(() -> {
            QueryResult q = producer.queryMessage(topic, "order-42", 32, 0, Long.MAX_VALUE);
            found.clear();
            found.addAll(q.getMessageList());
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getMsgId()).isEqualTo(r.getMsgId());
        assertThat(found.get(0).getKeys()).isEqualTo("order-42");

        MessageExt viewed = admin.viewMessage(r.getOffsetMsgId());
        assertThat(new String(viewed.getBody(), StandardCharsets.UTF_8)).isEqualTo("find-me");
        assertThat(viewed.getTopic()).isEqualTo(topic);
        assertThat(viewed.getCommitLogOffset()).isEqualTo(MessageDecoder.decodeMessageId(r.getOffsetMsgId()).getOffset());
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsStored() throws Exception {
        String topic = "CompatBad";
        createTopic(topic, 4);

        byte[] big = new byte[MAX_MESSAGE_SIZE + 64 * 1024];
        ThreadLocalRandom.current().nextBytes(big); // incompressible: the client's zlib does not shrink it
        assertThatThrownBy(() -> producer.send(new Message(topic, "big", big)))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
                    assertThat(e.getErrorMessage()).containsIgnoringCase("size");
                });

        assertThatThrownBy(() -> producer.send(new Message(topic, "q", "x".getBytes(StandardCharsets.UTF_8)),
                new MessageQueue(topic, cluster.brokerName(0), 99)))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).contains("99");
                });

        MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl();
        Message illegal = new Message("bad topic!", "t", "x".getBytes(StandardCharsets.UTF_8));
        MessageClientIDSetter.setUniqID(illegal);
        assertThatThrownBy(() -> api.sendMessage(broker().address(), cluster.brokerName(0), illegal,
                header(illegal, 0, false), 5_000, CommunicationMode.SYNC, null, null))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).containsIgnoringCase("topic");
                });

        List<Message> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(new Message(topic, "g", ("garbage-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        entries.forEach(MessageClientIDSetter::setUniqID);
        MessageBatch garbage = MessageBatch.generateFromList(entries);
        byte[] encoded = garbage.encode();
        byte[] truncated = new byte[encoded.length - 7]; // two complete entries, then a torn third one
        System.arraycopy(encoded, 0, truncated, 0, truncated.length);
        garbage.setBody(truncated);
        assertThatThrownBy(() -> api.sendMessage(broker().address(), cluster.brokerName(0), garbage,
                header(garbage, 0, true), 5_000, CommunicationMode.SYNC, null, null))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> assertThat(e.getResponseCode())
                        .isIn(ResponseCode.MESSAGE_ILLEGAL, ResponseCode.SYSTEM_ERROR));

        for (int q = 0; q < 4; q++) {
            assertThat(broker().store().maxOffsetInQueue(topic, q)).as("queue %d holds nothing", q).isZero();
        }
        assertThat(broker().store().topics()).doesNotContain("bad topic!");
        assertThat(broker().core().topics().find("bad topic!")).isEmpty();
        assertThat(producer.send(new Message(topic, "ok", "fine".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .as("the broker serves on after bad input").isEqualTo(SendStatus.SEND_OK);
    }

    private static SendMessageRequestHeader header(Message msg, int queueId, boolean batch) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("pg-raw");
        h.setTopic(msg.getTopic());
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(queueId);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(msg.getFlag());
        h.setProperties(MessageDecoder.messageProperties2String(msg.getProperties()));
        h.setReconsumeTimes(0);
        h.setUnitMode(false);
        h.setBatch(batch);
        return h;
    }
}
