package org.relaymq.runtime.remoting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

/**
 * One immutable set of fault rules, compiled for the per-frame lookup: each rule's host resolved once (at
 * SET_FAULTS, never on the event loop) to the {@code ip:port} keys a channel's remote address is compared
 * with. A rule naming a peer exactly wins over the {@code *} rule.
 */
final class FaultSnapshot {

    /** Resolves a rule's host; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final FaultSnapshot NONE = new FaultSnapshot(FaultRules.NONE, Map.of(), null);

    private final FaultRules rules;
    private final boolean empty;
    private final Map<String, FaultRule> byAddress;
    private final FaultRule anyPeer;

    private FaultSnapshot(FaultRules rules, Map<String, FaultRule> byAddress, FaultRule anyPeer) {
        this.rules = rules;
        this.empty = rules.isEmpty();
        this.byAddress = byAddress;
        this.anyPeer = anyPeer;
    }

    /** Resolves every rule's host; an unknown host or two rules for one address is an IllegalArgumentException. */
    static FaultSnapshot compile(FaultRules rules, HostResolver resolver) {
        if (rules.isEmpty()) {
            return NONE;
        }
        Map<String, FaultRule> byAddress = new HashMap<>();
        FaultRule anyPeer = null;
        for (FaultRule rule : rules.rules()) {
            if (FaultRule.ANY_PEER.equals(rule.peer())) {
                anyPeer = rule;
                continue;
            }
            for (String key : addressKeys(rule.peer(), resolver)) {
                FaultRule clash = byAddress.put(key, rule);
                if (clash != null && clash != rule) {
                    throw new IllegalArgumentException("peers " + clash.peer() + " and " + rule.peer()
                            + " are the same address " + key + "; give it one rule");
                }
            }
        }
        return new FaultSnapshot(rules, Map.copyOf(byAddress), anyPeer);
    }

    /** "ip:port" for every address the peer's host resolves to, formatted as {@link RemoteChannel} does. */
    private static Set<String> addressKeys(String peer, HostResolver resolver) {
        int colon = peer.lastIndexOf(':');
        String host = peer.substring(0, colon);
        int port = Integer.parseInt(peer.substring(colon + 1));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("cannot resolve the host of peer " + peer);
        }
        if (addresses == null || addresses.length == 0) {
            throw new IllegalArgumentException("cannot resolve the host of peer " + peer);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (InetAddress a : addresses) {
            keys.add(a.getHostAddress() + ":" + port);
        }
        return keys;
    }

    FaultRules rules() {
        return rules;
    }

    boolean isEmpty() {
        return empty;
    }

    /** The rule for a channel whose remote address is {@code peer} ("ip:port"), or null. */
    FaultRule ruleFor(String peer) {
        FaultRule exact = byAddress.get(peer);
        return exact != null ? exact : anyPeer;
    }
}
