package org.relaymq.console.service.operations;

import java.time.Duration;
import java.util.Optional;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeTimings;

/**
 * What the room should expect from a fault on a node, by its role, with the real timers where the
 * console knows them. Rules act on the connections the node itself opened: a broker's registrations,
 * a client's route polls and sends; a NameServer opens none.
 */
final class FaultExpectations {

    private static final String NAMESRV = "a NameServer opens no connections of its own, so its rules drop or "
            + "delay nothing; try a broker or a client";

    private final NodeTimings timings;
    private final long delayMillis;

    FaultExpectations(NodeTimings timings, long delayMillis) {
        this.timings = timings;
        this.delayMillis = delayMillis;
    }

    String partition(NodeStatus node) {
        return switch (role(node)) {
            case "namesrv" -> NAMESRV;
            case "client" -> "its connections stay open but every frame it sends is dropped: its route polls and "
                    + "sends get no answer and time out";
            default -> "its connections stay open but every frame it sends is dropped: the NameServers notice "
                    + "only when " + expiry(node) + " passes";
        };
    }

    String delay(NodeStatus node) {
        String late = seconds(delayMillis) + " late";
        return switch (role(node)) {
            case "namesrv" -> NAMESRV;
            case "client" -> "its route polls and sends arrive " + late + ": watch its send latency grow";
            default -> "its registrations and requests arrive " + late + ": the registration stays alive, "
                    + "well inside " + expiry(node);
        };
    }

    String heal(NodeStatus node) {
        return switch (role(node)) {
            case "namesrv" -> "its rules are cleared (a NameServer's never touched anything)";
            case "client" -> "its requests get through again at once";
            default -> "it registers again at its next heartbeat" + timings.registerInterval(node)
                    .map(d -> " (every " + seconds(d.toMillis()) + ")").orElse("")
                    + "; if the expiry passed meanwhile, the NameServers register it anew";
        };
    }

    /** "the expiry (12 s)" or "the broker expiry". */
    private String expiry(NodeStatus node) {
        Optional<Duration> d = node == null ? Optional.empty() : timings.brokerExpiry(node);
        return d.map(x -> "the expiry (" + seconds(x.toMillis()) + ")").orElse("the broker expiry");
    }

    private static String role(NodeStatus node) {
        if (node == null || "broker".equals(node.role())) {
            return "broker";
        }
        return "namesrv".equals(node.role()) ? "namesrv" : "client";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
