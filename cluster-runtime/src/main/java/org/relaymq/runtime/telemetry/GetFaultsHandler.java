package org.relaymq.runtime.telemetry;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * GET_FAULTS (7011): the node's fault rules and counters,
 * {@code {"rules":[...],"droppedFrames":n,"delayedFrames":n,"openConnections":n,"appliesTo":"..."}}.
 */
public final class GetFaultsHandler implements RequestHandler {

    private final NetworkFaultTable faults;

    public GetFaultsHandler(NetworkFaultTable faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return SetFaultsHandler.answer(request, faults);
    }
}
