package org.relaymq.runtime.telemetry;

import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** SUBSCRIBE_EVENTS (7000): snapshot now, EVENT frames after. */
public final class SubscribeEventsHandler implements RequestHandler {

    private final EventStreamService streams;

    public SubscribeEventsHandler(EventStreamService streams) {
        this.streams = streams;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return streams.subscribe(ctx);
    }
}
