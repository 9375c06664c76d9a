package org.relaymq.runtime.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetMaxOffsetResponseHeader;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.PullMessageResponseHeader;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.client.internal.Transport;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.remoting.RequestHandler;

/** The lite pull consumer's wire behaviour on a manual clock against an in-memory NameServer and broker. */
class RelayLitePullConsumerTest {

    private static final String NS = "ns:9876";
    private static final String BROKER = "10.0.0.1:10911";
    private static final MessageQueue MQ = new MessageQueue("broker-a", 0, "T");

    private final ManualClock clock = new ManualClock();
    private final FakeBroker transport = new FakeBroker();
    private final ClientInstance client = new ClientInstance(ClientConfig.fromProfile(TimingProfile.CLASSIC, NS)
            .withClientIp("127.0.0.1").withInstanceName("lite"), transport, clock, clock, Runnable::run);
    private final RelayLitePullConsumer consumer = new RelayLitePullConsumer("lp", client).assign(List.of(MQ))
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);

    @AfterEach
    void close() {
        consumer.close();
        client.close();
    }

    @Test
    void pullsCarryTheLiteFlagsAndSubscriptionAndPollHandsOutTheirMessages() throws Exception {
        consumer.start();
        PullMessageRequestHeader h = transport.lastPull().header;
        assertThat(h.sysFlag()).isEqualTo(0x16);
        assertThat(h.maxMsgNums()).isEqualTo(10);
        assertThat(h.suspendTimeoutMillis()).isEqualTo(20_000);
        assertThat(h.subscription()).isEqualTo("*");
        assertThat(h.subVersion()).isZero();
        assertThat(h.queueOffset()).isZero();

        transport.lastPull().found(0, 3);
        assertThat(transport.lastPull().header.queueOffset()).as("next pull starts at nextBeginOffset").isEqualTo(3);
        assertThat(consumer.poll(Duration.ofMillis(10))).extracting(ReceivedMessage::queueOffset)
                .containsExactly(0L, 1L, 2L);
        assertThat(consumer.position(MQ)).isEqualTo(3);
    }

    @Test
    void commitSyncAndAutoCommitSendThePolledPosition() throws Exception {
        consumer.autoCommitInterval(Duration.ofSeconds(5)).start();
        transport.lastPull().found(0, 2);
        consumer.poll(Duration.ofMillis(10));
        consumer.commitSync();
        assertThat(transport.offsetUpdates).singleElement().satisfies(u -> {
            assertThat(u.header.commitOffset()).isEqualTo(2);
            assertThat(u.oneway).isFalse();
        });

        transport.lastPull().found(2, 3);
        consumer.poll(Duration.ofMillis(10));
        clock.advance(Duration.ofSeconds(5));
        assertThat(transport.offsetUpdates).last().satisfies(u -> {
            assertThat(u.header.commitOffset()).isEqualTo(3);
            assertThat(u.oneway).isTrue();
        });
    }

    @Test
    void seekReplacesTheParkedPullSoItsLateAnswerIsIgnored() throws Exception {
        consumer.start();
        Pull parked = transport.lastPull();
        consumer.seek(MQ, 1);
        Pull fresh = transport.lastPull();
        assertThat(fresh).isNotSameAs(parked);
        assertThat(fresh.header.queueOffset()).isEqualTo(1);

        parked.found(0, 3);
        assertThat(consumer.poll(Duration.ofMillis(10))).isEmpty();
        fresh.found(1, 3);
        assertThat(consumer.poll(Duration.ofMillis(10))).extracting(ReceivedMessage::queueOffset)
                .containsExactly(1L, 2L);
    }

    /** One PULL_MESSAGE held open until the test answers it. */
    static final class Pull {
        final RemotingCommand request;
        final PullMessageRequestHeader header;
        final CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();

        Pull(RemotingCommand request) {
            this.request = request;
            this.header = PullMessageRequestHeader.fromExt(request.ext());
        }

        /** Answers FOUND with messages {@code from … to-1}. */
        void found(long from, long to) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (long i = from; i < to; i++) {
                body.writeBytes(StoredMessageCodec.encode(StoredMessage.builder().topic("T").queueId(0)
                        .queueOffset(i).physicalOffset(i * 100).bornHost(new InetSocketAddress("127.0.0.1", 1))
                        .storeHost(new InetSocketAddress("10.0.0.1", 10911)).body(("m" + i).getBytes()).build()));
            }
            answer.complete(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "FOUND",
                    new PullMessageResponseHeader(0, to, 0, to).toExt(), body.toByteArray()));
        }
    }

    record OffsetUpdate(UpdateConsumerOffsetRequestHeader header, boolean oneway) {
    }

    /** A NameServer with one route and a broker: offsets 0…3, no stored consumer offset, pulls held open. */
    static final class FakeBroker implements Transport {
        final List<Pull> pulls = new CopyOnWriteArrayList<>();
        final List<OffsetUpdate> offsetUpdates = new CopyOnWriteArrayList<>();

        Pull lastPull() {
            return pulls.get(pulls.size() - 1);
        }

        @Override
        public RemotingCommand invokeSync(String addr, RemotingCommand r, long timeoutMillis) {
            return switch (r.code()) {
                case RequestCode.GET_ROUTEINFO_BY_TOPIC -> RemotingCommand.responseTo(r, ResponseCode.SUCCESS, null,
                        null, new TopicRouteData(null, List.of(new QueueData("broker-a", 1, 1, 6, 0)),
                                List.of(new BrokerData("C", "broker-a", Map.of(0L, BROKER))), null).encode(true));
                case RequestCode.QUERY_CONSUMER_OFFSET -> RemotingCommand.responseTo(r, ResponseCode.QUERY_NOT_FOUND,
                        "not found");
                case RequestCode.GET_MIN_OFFSET -> offset(r, 0);
                case RequestCode.GET_MAX_OFFSET -> offset(r, 3);
                case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                    offsetUpdates.add(new OffsetUpdate(UpdateConsumerOffsetRequestHeader.fromExt(r.ext()),
                            r.isOneway()));
                    yield RemotingCommand.responseTo(r, ResponseCode.SUCCESS, null);
                }
                default -> RemotingCommand.responseTo(r, ResponseCode.SUCCESS, null);
            };
        }

        private static RemotingCommand offset(RemotingCommand r, long value) {
            return RemotingCommand.responseTo(r, ResponseCode.SUCCESS, null,
                    new GetMaxOffsetResponseHeader(value).toExt(), null);
        }

        @Override
        public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeout) {
            Pull p = new Pull(request);
            pulls.add(p);
            return p.answer;
        }

        @Override
        public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis) {
            invokeSync(addr, request, timeoutMillis);
        }

        @Override
        public void onRequest(int code, RequestHandler handler, ExecutorService executor) {
        }

        @Override
        public void closeChannel(String addr) {
        }

        @Override
        public List<String> connectedAddresses() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
