package org.relaymq.runtime.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.FaultTable;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendCallback;
import org.relaymq.runtime.client.api.SendFailedException;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.api.SendStatus;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ManualClock;

/** The asynchronous send on a manual clock, against a transport whose answers the test writes. */
class RelayProducerAsyncSendTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String A = "10.0.0.1:10911";
    private static final String B = "10.0.0.2:10911";
    private static final TopicRouteData ROUTE = new TopicRouteData(null,
            List.of(new QueueData("broker-a", 4, 4, 6, 0), new QueueData("broker-b", 4, 4, 6, 0)),
            List.of(new BrokerData("C", "broker-a", Map.of(0L, A)), new BrokerData("C", "broker-b", Map.of(0L, B))),
            null);

    private final ManualClock clock = new ManualClock();
    private final ScriptedTransport transport = new ScriptedTransport(clock, ROUTE);
    private final ClientInstance client = new ClientInstance(
            ClientConfig.fromProfile(TimingProfile.CLASSROOM, ScriptedTransport.NAMESRV).withClientIp("127.0.0.1")
                    .withInstanceName("async-test"), transport, clock, clock, Runnable::run);
    private final List<NodeEvent> events = new CopyOnWriteArrayList<>();
    private final RelayProducer producer = new RelayProducer("pg", client);

    RelayProducerAsyncSendTest() {
        client.events().subscribe(10_000, events::add, Runnable::run);
    }

    @AfterEach
    void close() {
        producer.shutdown();
        client.close();
    }

    private static Message msg(int i) {
        return new Message("T", ("m" + i).getBytes());
    }

    private List<NodeEvent> kind(String k) {
        return events.stream().filter(e -> e.kind().equals(k)).toList();
    }

    private static Throwable failureOf(CompletableFuture<SendResult> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("not failed: " + f);
    }

    @Test
    void aHundredSendsAreOnTheWireBeforeAnyAnswerArrives() {
        producer.start();
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(producer.sendAsync(msg(i)));
        }
        assertThat(transport.sends).hasSize(100);
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        assertThat(transport.sends).extracting(c -> c.addr).containsOnly(A, B);

        transport.sends.forEach(ScriptedTransport.Call::ok);
        await().atMost(WAIT).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        assertThat(futures).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(SendStatus.SEND_OK));
        assertThat(futures.stream().map(f -> f.join().queue().brokerName()).distinct()).hasSize(2);
    }

    @Test
    void callbacksRunOnAProducerThreadNotOnTheThreadCompletingTheTransportFuture() {
        producer.start();
        AtomicReference<Thread> okThread = new AtomicReference<>();
        AtomicReference<Thread> failThread = new AtomicReference<>();
        producer.send(msg(1), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                okThread.set(Thread.currentThread());
            }

            @Override
            public void onException(Throwable error) {
                okThread.set(Thread.currentThread());
            }
        });
        CompletableFuture<SendResult> timingOut = producer.retryTimesWhenSendAsyncFailed(0).sendAsync(msg(2));
        timingOut.whenComplete((r, e) -> failThread.set(Thread.currentThread()));

        transport.send(0).ok(); // completed on this thread, as the event loop would
        clock.advance(Duration.ofMillis(3000)); // the second send's timeout fires on this thread
        await().atMost(WAIT).until(() -> okThread.get() != null && failThread.get() != null);

        assertThat(List.of(okThread.get(), failThread.get())).allSatisfy(t -> {
            assertThat(t).isNotSameAs(Thread.currentThread());
            assertThat(t.getName()).startsWith("relaymq-producer-pg-async");
        });
        assertThat(failureOf(timingOut)).isInstanceOf(SendFailedException.class).hasMessageContaining("timeout");
    }

    @Test
    void aRetryableFailureRetriesOnAnotherBrokerAndTheEventsSaySo() {
        producer.start();
        CompletableFuture<SendResult> f = producer.sendAsync(msg(1));
        String firstBroker = failFirstWith(ResponseCode.SYSTEM_BUSY);
        transport.send(1).ok();

        await().atMost(WAIT).until(f::isDone);
        assertThat(f.join().status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(f.join().queue().brokerName()).isNotEqualTo(firstBroker);
        List<NodeEvent> decisions = kind(EventKind.SEND_DECISION);
        assertThat(decisions).extracting(e -> e.text("how")).containsExactly("round-robin", "retry on another broker");
        assertThat(decisions.get(1).data().getAsJsonArray("skipped").toString())
                .contains("{\"broker\":\"" + firstBroker + "\",\"reason\":\"failed last attempt\"}");
        List<NodeEvent> results = kind(EventKind.SEND_RESULT);
        assertThat(results).extracting(e -> e.flag("ok")).containsExactly(false, true);
        assertThat(results.get(0).text("error")).contains("answered " + ResponseCode.SYSTEM_BUSY);
        assertThat(results.get(1).text("status")).isEqualTo("SEND_OK");
        assertThat(kind(EventKind.BROKER_ISOLATED)).isEmpty();
    }

    @Test
    void withFaultToleranceAFailedBrokerIsIsolatedAndTheRetrySaysSo() {
        producer.sendLatencyFaultEnable(FaultTable.APACHE_4X).start();
        CompletableFuture<SendResult> f = producer.sendAsync(msg(1));
        String firstBroker = failFirstWith(ResponseCode.SERVICE_NOT_AVAILABLE);
        transport.send(1).ok();

        await().atMost(WAIT).until(f::isDone);
        assertThat(f.join().queue().brokerName()).isNotEqualTo(firstBroker);
        assertThat(kind(EventKind.BROKER_ISOLATED)).extracting(e -> e.text("broker")).containsExactly(firstBroker);
        assertThat(producer.faultTolerance().orElseThrow().isAvailable(firstBroker)).isFalse();
        assertThat(kind(EventKind.SEND_DECISION).get(1).data().getAsJsonArray("skipped").toString())
                .contains("{\"broker\":\"" + firstBroker + "\",\"reason\":\"isolated until ");
    }

    /** Answers the first send with {@code code}, waits for the retry on the other broker; the first broker's name. */
    private String failFirstWith(int code) {
        ScriptedTransport.Call first = transport.send(0);
        first.answer(code);
        await().atMost(WAIT).until(() -> transport.sends.size() == 2);
        assertThat(transport.send(1).addr).isNotEqualTo(first.addr);
        return first.addr.equals(A) ? "broker-a" : "broker-b";
    }

    @Test
    void aNonRetryableAnswerFailsTheSendWithoutAnotherAttempt() {
        producer.start();
        CompletableFuture<SendResult> f = producer.sendAsync(msg(1));
        transport.send(0).answer(ResponseCode.MESSAGE_ILLEGAL);

        await().atMost(WAIT).until(f::isDone);
        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(SendFailedException.class);
        assertThat(((SendFailedException) e).code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(((SendFailedException) e).topic()).isEqualTo("T");
        assertThat(((SendFailedException) e).attempts()).hasSize(1);
        assertThat(transport.sends).hasSize(1);
    }

    @Test
    void theTimeoutBudgetStopsRetries() {
        producer.start(); // 3000 ms, three attempts
        CompletableFuture<SendResult> f = producer.sendAsync(msg(1));
        assertThat(transport.send(0).timeoutMillis).isEqualTo(3000);

        clock.advance(Duration.ofMillis(2900));
        transport.send(0).answer(ResponseCode.SYSTEM_BUSY);
        await().atMost(WAIT).until(() -> transport.sends.size() == 2);
        assertThat(transport.send(1).timeoutMillis).isEqualTo(100);
        clock.advance(Duration.ofMillis(100)); // the second attempt times out with the whole budget

        await().atMost(WAIT).until(f::isDone);
        SendFailedException e = (SendFailedException) failureOf(f);
        assertThat(e.attempts()).hasSize(3);
        assertThat(e.attempts().get(0).error()).contains("answered " + ResponseCode.SYSTEM_BUSY);
        assertThat(e.attempts().get(1).error()).contains("timeout");
        assertThat(e.attempts().get(2).error()).isEqualTo("send timeout of 3000 ms used up");
        assertThat(e.code()).isEqualTo(ClientException.LOCAL);
        assertThat(transport.sends).hasSize(2);
        assertThat(kind(EventKind.SEND_DECISION)).hasSize(3);
        assertThat(kind(EventKind.SEND_RESULT)).hasSize(2);
    }

    @Test
    void theInFlightLimitRefusesASendWhenNoneCompletesWithinTheTimeout() {
        producer.backPressureForAsyncSendNum(2).sendMsgTimeout(Duration.ofMillis(50)).start();
        CompletableFuture<SendResult> f1 = producer.sendAsync(msg(1));
        CompletableFuture<SendResult> f2 = producer.sendAsync(msg(2));

        CompletableFuture<SendResult> refused = producer.sendAsync(msg(3)); // waits 50 ms (real time) for a slot
        assertThat(failureOf(refused)).isInstanceOf(ClientException.class)
                .hasMessageContaining("in-flight limit of 2 async sends of producer pg was reached");
        assertThat(transport.sends).hasSize(2);

        transport.send(0).ok();
        await().atMost(WAIT).until(f1::isDone);
        CompletableFuture<SendResult> f4 = producer.sendAsync(msg(4)); // the freed slot, and only one
        assertThat(transport.sends).hasSize(3);
        assertThat(failureOf(producer.sendAsync(msg(5)))).hasMessageContaining("in-flight limit of 2");
        assertThat(transport.sends).hasSize(3);
        assertThat(f2).isNotDone();
        assertThat(f4).isNotDone();
    }

    @Test
    void aSenderWaitingForASlotGoesOnTheWireWhenOneFrees() throws Exception {
        producer.backPressureForAsyncSendNum(1).sendMsgTimeout(Duration.ofSeconds(30)).start();
        CompletableFuture<SendResult> first = producer.sendAsync(msg(1));
        AtomicReference<CompletableFuture<SendResult>> second = new AtomicReference<>();
        Thread sender = new Thread(() -> second.set(producer.sendAsync(msg(2))), "waiting-sender");
        sender.start();
        await().atMost(WAIT).until(() -> sender.getState() == Thread.State.TIMED_WAITING);
        assertThat(transport.sends).hasSize(1);

        transport.send(0).ok();
        sender.join(WAIT.toMillis());
        assertThat(transport.sends).hasSize(2);
        transport.send(1).ok();
        await().atMost(WAIT).until(() -> first.isDone() && second.get().isDone());
        assertThat(second.get().join().status()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void aMessageThatCannotBePreparedFailsAtOnce() {
        producer.maxMessageSize(16).start();
        CompletableFuture<SendResult> f = producer.sendAsync(new Message("T", new byte[17]));
        assertThat(failureOf(f)).isInstanceOf(ClientException.class);
        assertThat(transport.sends).isEmpty();
    }

    @Test
    void shutdownFailsSendsStillInFlightAfterTheSendTimeoutAndRefusesNewOnes() {
        producer.sendMsgTimeout(Duration.ofMillis(100)).start(); // shutdown waits up to 100 ms (real time)
        List<CompletableFuture<SendResult>> futures = List.of(producer.sendAsync(msg(1)), producer.sendAsync(msg(2)));
        producer.shutdown();

        assertThat(futures).allSatisfy(f -> assertThat(failureOf(f)).isInstanceOf(ClientException.class)
                .hasMessageContaining("producer pg shut down"));
        assertThat(failureOf(producer.sendAsync(msg(3)))).hasMessageContaining("producer pg is shut down");
        transport.send(0).ok(); // a late answer changes nothing
        assertThat(failureOf(futures.get(0))).hasMessageContaining("shut down");
    }

    @Test
    void synchronousSendsBeforeStartAndAfterShutdownFailWithAClearError() {
        assertThatThrownBy(() -> producer.send(msg(1))).isInstanceOf(ClientException.class)
                .hasMessage("producer pg is not started");
        producer.start();
        producer.shutdown();
        assertThatThrownBy(() -> producer.send(msg(2))).isInstanceOf(ClientException.class)
                .hasMessage("producer pg is shut down");
        assertThatThrownBy(() -> producer.sendOneway(msg(3))).isInstanceOf(ClientException.class)
                .hasMessage("producer pg is shut down");
    }

    @Test
    void shutdownLetsSendsInFlightComplete() throws Exception {
        producer.sendMsgTimeout(Duration.ofSeconds(30)).start();
        CompletableFuture<SendResult> f = producer.sendAsync(msg(1));
        Thread closer = new Thread(producer::shutdown, "closer");
        closer.start();
        await().atMost(WAIT).until(() -> closer.getState() == Thread.State.TIMED_WAITING);

        transport.send(0).ok();
        closer.join(WAIT.toMillis());
        assertThat(closer.isAlive()).isFalse();
        assertThat(f.join().status()).isEqualTo(SendStatus.SEND_OK);
    }
}
