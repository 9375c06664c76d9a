package org.relaymq.runtime.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.ConsumerConnection;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.relaymq.protocol.wire.LanguageCode;
import org.relaymq.runtime.broker.FakeClientChannel;
import org.relaymq.runtime.broker.RecordingEvents;

class ConsumerManagerTest {

    private static final Duration EXPIRY = Duration.ofSeconds(120);

    private final RecordingEvents events = new RecordingEvents();
    private final Set<String> quietGroups = new HashSet<>();
    private final ConsumerManager manager = new ConsumerManager(events, EXPIRY, g -> !quietGroups.contains(g));
    private final FakeClientChannel ch1 = new FakeClientChannel("c1", "10.0.0.1:5001");
    private final FakeClientChannel ch2 = new FakeClientChannel("c2", "10.0.0.2:5002");

    private static Set<SubscriptionData> subs(String... topics) {
        Set<SubscriptionData> s = new HashSet<>();
        for (String t : topics) {
            s.add(SubscriptionData.of(t, "*", 1));
        }
        return s;
    }

    private boolean register(FakeClientChannel ch, String clientId, long now, String... topics) {
        return manager.register("cg", new ClientChannelInfo(ch, clientId, LanguageCode.JAVA, 409, now),
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                subs(topics));
    }

    private static List<String> notifiedGroups(FakeClientChannel ch) {
        return ch.sent().stream()
                .filter(c -> c.code() == RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .map(c -> NotifyConsumerIdsChangedRequestHeader.fromExt(c.ext()).consumerGroup())
                .toList();
    }

    @Test
    void aJoiningConsumerNotifiesEveryMember() {
        assertThat(register(ch1, "client-1", 0, "T")).isTrue();
        assertThat(notifiedGroups(ch1)).containsExactly("cg");
        ch1.clearSent();

        assertThat(register(ch2, "client-2", 0, "T")).isTrue();

        assertThat(notifiedGroups(ch1)).containsExactly("cg");
        assertThat(notifiedGroups(ch2)).containsExactly("cg");
        assertThat(manager.clientIds("cg")).containsExactlyInAnyOrder("client-1", "client-2");
        assertThat(events.ofKind(EventKind.CLIENT_CONNECTED)).hasSize(2);
        assertThat(events.ofKind(EventKind.CLIENT_CONNECTED).get(1).text("clientId")).isEqualTo("client-2");
        assertThat(events.ofKind(EventKind.CLIENT_CONNECTED).get(1).text("address")).isEqualTo("10.0.0.2:5002");
    }

    @Test
    void aRefreshWithoutChangesNotifiesNobody() {
        register(ch1, "client-1", 0, "T");
        ch1.clearSent();
        assertThat(register(ch1, "client-1", 30_000, "T")).isFalse();
        assertThat(ch1.sent()).isEmpty();
        assertThat(events.ofKind(EventKind.CLIENT_CONNECTED)).hasSize(1);
    }

    @Test
    void subscribedTopicChangesNotifyButNewerSubVersionsDoNot() {
        register(ch1, "client-1", 0, "T");
        ch1.clearSent();
        manager.register("cg", new ClientChannelInfo(ch1, "client-1", LanguageCode.JAVA, 409, 1),
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                Set.of(SubscriptionData.of("T", "TagA", 5)));
        assertThat(ch1.sent()).isEmpty();
        assertThat(manager.subscription("cg", "T").orElseThrow().subVersion()).isEqualTo(5);

        assertThat(register(ch1, "client-1", 2, "T", "U")).isTrue();
        assertThat(register(ch1, "client-1", 3, "U")).isTrue();
        assertThat(notifiedGroups(ch1)).hasSize(2);
        assertThat(manager.subscription("cg", "T")).isEmpty();
    }

    @Test
    void aClosedChannelLeavesAtOnceAndTheRestAreNotified() {
        register(ch1, "client-1", 0, "T");
        register(ch2, "client-2", 0, "T");
        ch1.clearSent();
        ch2.clearSent();

        manager.channelClosed("c2");

        assertThat(manager.clientIds("cg")).containsExactly("client-1");
        assertThat(notifiedGroups(ch1)).containsExactly("cg");
        RecordingEvents.Event gone = events.ofKind(EventKind.CLIENT_GONE).get(0);
        assertThat(gone.text("reason")).isEqualTo("channel closed");
        assertThat(gone.text("clientId")).isEqualTo("client-2");
        assertThat(gone.data().getAsJsonArray("groups").get(0).getAsString()).isEqualTo("cg");
    }

    @Test
    void unregisterRemovesTheGroupWhenItsLastMemberLeaves() {
        register(ch1, "client-1", 0, "T");
        assertThat(manager.unregister("cg", "c1")).isTrue();
        assertThat(manager.unregister("cg", "c1")).isFalse();
        assertThat(manager.group("cg")).isEmpty();
        assertThat(manager.subscription("cg", "T")).isEmpty();
        assertThat(events.ofKind(EventKind.CLIENT_GONE).get(0).text("reason")).isEqualTo("unregistered");
    }

    @Test
    void expiresAfter120sOfSilenceNotAt119s() {
        register(ch1, "client-1", 0, "T");
        register(ch2, "client-2", 60_000, "T");
        ch1.clearSent();

        assertThat(manager.scanExpired(119_000)).isEmpty();
        assertThat(manager.scanExpired(120_000)).isEmpty();
        List<ClientChannelInfo> expired = manager.scanExpired(120_001);

        assertThat(expired).extracting(ClientChannelInfo::clientId).containsExactly("client-1");
        assertThat(ch1.isActive()).isFalse();
        assertThat(manager.clientIds("cg")).containsExactly("client-2");
        assertThat(notifiedGroups(ch2)).last().isEqualTo("cg");
        RecordingEvents.Event gone = events.ofKind(EventKind.CLIENT_GONE).get(0);
        assertThat(gone.text("reason")).isEqualTo("expired");
        assertThat(gone.data().get("idleMillis").getAsLong()).isEqualTo(120_001);
    }

    @Test
    void groupsThatDisableNotificationAreNotNotified() {
        quietGroups.add("cg");
        register(ch1, "client-1", 0, "T");
        register(ch2, "client-2", 0, "T");
        assertThat(ch1.sent()).isEmpty();
    }

    @Test
    void consumerConnectionBody() {
        register(ch1, "client-1", 0, "T");
        ConsumerConnection cc = manager.group("cg").orElseThrow().toConsumerConnection();
        assertThat(cc.connectionSet()).singleElement().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo("client-1");
            assertThat(c.clientAddr()).isEqualTo("10.0.0.1:5001");
            assertThat(c.version()).isEqualTo(409);
        });
        assertThat(cc.subscriptionTable()).containsOnlyKeys("T");
        assertThat(cc.messageModel()).isEqualTo(MessageModel.CLUSTERING);
    }
}
