package org.relaymq.runtime.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SET_FAULTS (7010): replaces the node's fault rules with the body's ({@link FaultRules}; an empty list
 * heals), publishes a FAULTS event, logs the change once and answers as GET_FAULTS does. A body that does not
 * parse, or names a host that does not resolve, is answered SYSTEM_ERROR "bad fault rules: ..." and changes
 * nothing.
 */
public final class SetFaultsHandler implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SetFaultsHandler.class);

    private final NetworkFaultTable faults;
    private final EventSink events;

    public SetFaultsHandler(NetworkFaultTable faults, EventSink events) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        FaultRules rules;
        FaultRules previous;
        try {
            rules = FaultRules.decode(request.body());
            previous = faults.replace(rules);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.badRequest("bad fault rules: " + e.getMessage());
        }
        String summary = summary(rules);
        LOG.info("fault rules set by {}: {} (before: {}); they act on {}", ctx.remoteAddress(), summary,
                previous.isEmpty() ? "none" : summary(previous), faults.appliesTo());
        events.publish(EventKind.FAULTS, EventData.create()
                .put("rules", rules.toJson().get("rules"))
                .put("previous", previous.toJson().get("rules"))
                .put("summary", summary)
                .put("changed", !rules.equals(previous))
                .put("appliesTo", faults.appliesTo())
                .put("openConnections", faults.openConnections())
                .build());
        return answer(request, faults);
    }

    /** "drop 127.0.0.1:9876, delay 500 ms *", or "healed" for no rules. */
    static String summary(FaultRules rules) {
        if (rules.isEmpty()) {
            return "healed";
        }
        return rules.rules().stream().map(FaultRule::describe).collect(Collectors.joining(", "));
    }

    /** The answer of SET_FAULTS and GET_FAULTS: the table's state as JSON. */
    static RemotingCommand answer(RemotingCommand request, NetworkFaultTable faults) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                faults.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }
}
