package org.relaymq.runtime.remoting;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.relaymq.protocol.event.FaultRule;

/**
 * The fault filter of one connection a node opened, between the codec and the rest of the pipeline, so it
 * sees whole messages. Looks the channel's remote {@code ip:port} up in the node's current
 * {@link NetworkFaultTable} rules on every frame:
 * <ul>
 * <li><b>DROP</b> (a partition): an inbound message is released and discarded; an outbound one is released
 *     and its write reported successful, as if lost on the wire. The connection stays open.</li>
 * <li><b>DELAY</b>: an outbound message leaves {@code delayMillis} later, written and flushed on the channel's
 *     event loop. Messages keep their order: a write leaves once its own delay is over and every write before
 *     it has left, so one written under a shorter delay (or after healing) waits behind those held before
 *     it. Inbound messages pass.</li>
 * </ul>
 * With no rules a frame costs a volatile read and an isEmpty check (plus, for a write, a null check of the
 * held queue). Not sharable: it holds its channel's delayed writes.
 */
final class FaultHandler extends ChannelDuplexHandler {

    private final NetworkFaultTable table;
    private String peer;
    private ArrayDeque<Held> held;

    /** A write waiting to leave: when its own delay is over ({@code due}) and every write before it has left. */
    private static final class Held {
        final Object msg;
        final ChannelPromise promise;
        boolean due;

        Held(Object msg, ChannelPromise promise, boolean due) {
            this.msg = msg;
            this.promise = promise;
            this.due = due;
        }
    }

    FaultHandler(NetworkFaultTable table) {
        this.table = table;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        table.connectionOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        table.connectionClosed();
        failHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failHeld();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FaultSnapshot faults = table.snapshot();
        if (faults.isEmpty()) {
            ctx.fireChannelRead(msg);
            return;
        }
        FaultRule rule = faults.ruleFor(peer(ctx));
        if (rule != null && rule.action() == FaultRule.Action.DROP) {
            ReferenceCountUtil.release(msg);
            table.countDropped();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        FaultSnapshot faults = table.snapshot();
        if (faults.isEmpty() && held == null) {
            ctx.write(msg, promise);
            return;
        }
        FaultRule rule = faults.isEmpty() ? null : faults.ruleFor(peer(ctx));
        if (rule != null && rule.action() == FaultRule.Action.DROP) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            table.countDropped();
        } else if (rule != null) {
            Held h = hold(msg, promise, false);
            table.countDelayed();
            ctx.executor().schedule(() -> {
                h.due = true;
                releaseDue(ctx);
            }, rule.delayMillis(), TimeUnit.MILLISECONDS);
        } else if (held != null) {
            hold(msg, promise, true); // no delay of its own, but never ahead of the writes held before it
        } else {
            ctx.write(msg, promise);
        }
    }

    // flush() passes on unchanged: it pushes out what already went down; held writes are flushed as they leave

    private Held hold(Object msg, ChannelPromise promise, boolean due) {
        if (held == null) {
            held = new ArrayDeque<>();
        }
        Held h = new Held(msg, promise, due);
        held.add(h);
        return h;
    }

    /** A delay ended: every write at the head whose delay is over leaves, in order, then one flush. */
    private void releaseDue(ChannelHandlerContext ctx) {
        ArrayDeque<Held> queue = held;
        if (queue == null || queue.isEmpty() || !queue.peek().due) {
            return;
        }
        while (!queue.isEmpty() && queue.peek().due) {
            Held h = queue.poll();
            ctx.write(h.msg, h.promise);
        }
        if (queue.isEmpty()) {
            held = null;
        }
        ctx.flush();
    }

    /** The channel is gone: held writes fail (their timers then find nothing to release). */
    private void failHeld() {
        ArrayDeque<Held> pending = held;
        held = null;
        if (pending == null) {
            return;
        }
        for (Held h : pending) {
            ReferenceCountUtil.release(h.msg);
            h.promise.tryFailure(new ClosedChannelException());
        }
    }

    private String peer(ChannelHandlerContext ctx) {
        String p = peer;
        if (p == null) {
            p = RemoteChannel.format(ctx.channel().remoteAddress());
            peer = p;
        }
        return p;
    }
}
