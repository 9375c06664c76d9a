package org.relaymq.protocol.event;

import java.util.Set;

/**
 * The {@code kind} values of {@link NodeEvent} (ARCHITECTURE.md §5). Plain strings, so a console
 * built against an older list still parses events of kinds it does not know.
 */
public final class EventKind {

    // NameServer
    public static final String BROKER_REGISTERED = "BROKER_REGISTERED";
    public static final String BROKER_HEARTBEAT = "BROKER_HEARTBEAT";
    public static final String SCAN = "SCAN";
    public static final String BROKER_EXPIRED = "BROKER_EXPIRED";
    public static final String BROKER_DISCONNECTED = "BROKER_DISCONNECTED";
    public static final String BROKER_UNREGISTERED = "BROKER_UNREGISTERED";
    public static final String ROUTE_SERVED = "ROUTE_SERVED";

    // broker
    public static final String REGISTER_SENT = "REGISTER_SENT";
    public static final String ROLE = "ROLE";
    public static final String REPLICA_CONNECTED = "REPLICA_CONNECTED";
    public static final String REPLICA_LOST = "REPLICA_LOST";
    public static final String REPLICATION = "REPLICATION";
    public static final String STORE_STATS = "STORE_STATS";
    public static final String CLIENT_CONNECTED = "CLIENT_CONNECTED";
    public static final String CLIENT_GONE = "CLIENT_GONE";

    // client
    public static final String ROUTE_POLLED = "ROUTE_POLLED";
    public static final String NAMESRV_UNREACHABLE = "NAMESRV_UNREACHABLE";
    public static final String SEND_DECISION = "SEND_DECISION";
    public static final String SEND_RESULT = "SEND_RESULT";
    public static final String BROKER_ISOLATED = "BROKER_ISOLATED";
    public static final String PULL_SOURCE = "PULL_SOURCE";
    public static final String REBALANCE = "REBALANCE";

    // every node
    /** The node's fault rules changed (SET_FAULTS); data {@code rules, previous}. */
    public static final String FAULTS = "FAULTS";

    /** Per subscriber: events were dropped because it did not keep up; data {@code count, fromSeq, toSeq}. */
    public static final String DROPPED = "DROPPED";

    public static final Set<String> NAMESRV_KINDS = Set.of(BROKER_REGISTERED, BROKER_HEARTBEAT, SCAN,
            BROKER_EXPIRED, BROKER_DISCONNECTED, BROKER_UNREGISTERED, ROUTE_SERVED);

    public static final Set<String> BROKER_KINDS = Set.of(REGISTER_SENT, ROLE, REPLICA_CONNECTED, REPLICA_LOST,
            REPLICATION, STORE_STATS, CLIENT_CONNECTED, CLIENT_GONE);

    public static final Set<String> CLIENT_KINDS = Set.of(ROUTE_POLLED, NAMESRV_UNREACHABLE, SEND_DECISION,
            SEND_RESULT, BROKER_ISOLATED, PULL_SOURCE, REBALANCE);

    public static final Set<String> ALL = union(NAMESRV_KINDS, BROKER_KINDS, CLIENT_KINDS, Set.of(FAULTS, DROPPED));

    private EventKind() {
    }

    public static boolean isKnown(String kind) {
        return ALL.contains(kind);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
