package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

/** The fault filter on Netty's EmbeddedChannel: what it drops, holds back and lets through, per peer. */
class FaultHandlerTest {

    private static final String NAMESRV = "127.0.0.1:9876";
    private static final String BROKER = "127.0.0.1:10911";

    /** "namesrv-host" resolves to 127.0.0.1, anything else is unknown: no DNS in a unit test. */
    private final NetworkFaultTable table = new NetworkFaultTable("connections this node opened", host -> {
        if (host.equals("namesrv-host") || host.equals("127.0.0.1")) {
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        }
        throw new UnknownHostException(host);
    });
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** An embedded channel whose remote address is {@code ip:port}, with the filter in its pipeline; frozen time. */
    private EmbeddedChannel channelTo(String address) throws Exception {
        int colon = address.lastIndexOf(':');
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(address.substring(0, colon)),
                Integer.parseInt(address.substring(colon + 1)));
        EmbeddedChannel ch = new EmbeddedChannel(false, false, new FaultHandler(table)) {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
        ch.freezeTime(); // time moves only by advanceTimeBy, however slow the machine
        ch.register();
        channels.add(ch);
        return ch;
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static List<String> drainOutbound(EmbeddedChannel ch) {
        List<String> out = new ArrayList<>();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out;
    }

    @Test
    void aDropRuleDiscardsAndReleasesBothDirectionsButKeepsTheConnectionOpen() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV))));

        ByteBuf in = frame("response");
        ch.writeInbound(in);
        ByteBuf out = frame("request");
        ChannelFuture written = ch.writeOneOutbound(out);
        ch.flushOutbound();

        assertThat(ch.<Object>readInbound()).isNull();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(in.refCnt()).as("dropped inbound buffer released").isZero();
        assertThat(out.refCnt()).as("dropped outbound buffer released").isZero();
        assertThat(written.isSuccess()).as("a dropped write is lost on the wire, not failed").isTrue();
        assertThat(ch.isOpen()).isTrue();
        assertThat(table.droppedFrames()).isEqualTo(2);
        assertThat(table.delayedFrames()).isZero();
    }

    @Test
    void aRuleForAnotherPeerLeavesTheConnectionAlone() throws Exception {
        EmbeddedChannel ch = channelTo(BROKER);
        table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV))));

        ch.writeInbound(frame("in"));
        ch.writeOutbound(frame("out"));

        ByteBuf read = ch.readInbound();
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("in");
        read.release();
        assertThat(drainOutbound(ch)).containsExactly("out");
        assertThat(table.droppedFrames()).isZero();
    }

    @Test
    void theRuleHostIsResolvedToTheIpTheChannelReports() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        table.replace(new FaultRules(List.of(FaultRule.drop("namesrv-host:9876"))));

        ch.writeOutbound(frame("out"));

        assertThat(drainOutbound(ch)).isEmpty();
        assertThat(table.droppedFrames()).isOne();
    }

    @Test
    void anyPeerMatchesEveryConnectionAndAnExactRuleWinsOverIt() throws Exception {
        EmbeddedChannel toNamesrv = channelTo(NAMESRV);
        EmbeddedChannel toBroker = channelTo(BROKER);
        table.replace(new FaultRules(List.of(FaultRule.drop(FaultRule.ANY_PEER), FaultRule.delay(BROKER, 50))));

        toNamesrv.writeOutbound(frame("a"));
        toBroker.writeOutbound(frame("b"));

        assertThat(drainOutbound(toNamesrv)).isEmpty();
        assertThat(drainOutbound(toBroker)).as("held by the exact DELAY rule, not dropped by *").isEmpty();
        toBroker.advanceTimeBy(50, TimeUnit.MILLISECONDS);
        toBroker.runScheduledPendingTasks();
        assertThat(drainOutbound(toBroker)).containsExactly("b");
        assertThat(table.droppedFrames()).isOne();
        assertThat(table.delayedFrames()).isOne();
    }

    @Test
    void aDelayHoldsWritesBackForItsTimeInOrderAndLetsReadsThrough() throws Exception {
        EmbeddedChannel ch = channelTo(BROKER);
        table.replace(new FaultRules(List.of(FaultRule.delay(BROKER, 100))));

        ChannelFuture first = ch.writeOneOutbound(frame("1"));
        ch.writeOneOutbound(frame("2"));
        ch.flushOutbound();
        table.replace(new FaultRules(List.of(FaultRule.delay(BROKER, 10))));
        ch.writeOneOutbound(frame("3")); // shorter delay: still may not overtake 1 and 2
        ch.flushOutbound();
        ch.writeInbound(frame("in"));

        ByteBuf read = ch.readInbound();
        assertThat(read.toString(StandardCharsets.UTF_8)).as("inbound is not delayed").isEqualTo("in");
        read.release();
        ch.advanceTimeBy(99, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(drainOutbound(ch)).isEmpty();
        assertThat(first.isDone()).isFalse();

        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(drainOutbound(ch)).containsExactly("1", "2", "3");
        assertThat(first.isSuccess()).isTrue();
        assertThat(table.delayedFrames()).isEqualTo(3);
    }

    @Test
    void healingRestoresAnOpenConnectionAtOnceButNotAheadOfHeldWrites() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        table.replace(new FaultRules(List.of(FaultRule.delay(NAMESRV, 100))));
        ch.writeOutbound(frame("held"));

        FaultRules previous = table.replace(FaultRules.NONE);
        ch.writeOutbound(frame("after-heal"));

        assertThat(previous.rules()).containsExactly(FaultRule.delay(NAMESRV, 100));
        assertThat(drainOutbound(ch)).as("behind the held write").isEmpty();
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(drainOutbound(ch)).containsExactly("held", "after-heal");

        ch.writeInbound(frame("in"));
        ch.writeOutbound(frame("now"));
        ByteBuf read = ch.readInbound();
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("in");
        read.release();
        assertThat(drainOutbound(ch)).containsExactly("now");
    }

    @Test
    void droppingStartsAndStopsOnAnOpenConnection() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        ch.writeOutbound(frame("before"));
        table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV))));
        ch.writeOutbound(frame("during"));
        table.replace(FaultRules.NONE);
        ch.writeOutbound(frame("after"));

        assertThat(drainOutbound(ch)).containsExactly("before", "after");
        assertThat(table.droppedFrames()).isOne();
    }

    @Test
    void heldWritesAreReleasedAndFailedWhenTheChannelCloses() throws Exception {
        EmbeddedChannel ch = channelTo(BROKER);
        table.replace(new FaultRules(List.of(FaultRule.delay(BROKER, 100))));
        ByteBuf out = frame("held");
        ChannelFuture written = ch.writeOneOutbound(out);

        ch.close();

        assertThat(out.refCnt()).isZero();
        assertThat(written.isDone() && !written.isSuccess()).isTrue();
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void countsTheOpenConnectionsItFilters() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        assertThat(table.openConnections()).isOne();
        ch.close();
        assertThat(table.openConnections()).isZero();
    }

    @Test
    void anUnknownHostOrTwoRulesForOneAddressChangeNothing() {
        table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV))));

        assertThatThrownBy(() -> table.replace(new FaultRules(List.of(FaultRule.drop("nowhere:9876")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot resolve the host of peer nowhere:9876");
        assertThatThrownBy(() -> table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV),
                FaultRule.delay("namesrv-host:9876", 5))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same address 127.0.0.1:9876");
        assertThat(table.rules().rules()).containsExactly(FaultRule.drop(NAMESRV));
    }

    @Test
    void theAnswerBodyCarriesRulesCountersAndWhatTheyApplyTo() throws Exception {
        EmbeddedChannel ch = channelTo(NAMESRV);
        table.replace(new FaultRules(List.of(FaultRule.drop(NAMESRV))));
        ch.writeOutbound(frame("x"));

        assertThat(table.toJson().toString()).isEqualTo("{\"rules\":[{\"peer\":\"127.0.0.1:9876\",\"action\":\"DROP\"}],"
                + "\"droppedFrames\":1,\"delayedFrames\":0,\"openConnections\":1,"
                + "\"appliesTo\":\"connections this node opened\"}");
    }
}
