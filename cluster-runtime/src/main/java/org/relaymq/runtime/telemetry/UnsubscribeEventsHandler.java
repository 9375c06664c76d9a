package org.relaymq.runtime.telemetry;

import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** UNSUBSCRIBE_EVENTS (7002). */
public final class UnsubscribeEventsHandler implements RequestHandler {

    private final EventStreamService streams;

    public UnsubscribeEventsHandler(EventStreamService streams) {
        this.streams = streams;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return streams.unsubscribe(ctx);
    }
}
