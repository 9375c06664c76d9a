package org.relaymq.console.service;

import org.relaymq.protocol.event.FaultRules;

/**
 * What the console knows about one node's fault rules, only from the node itself.
 *
 * @param report  the node's last word (answer or FAULTS event), or null: unknown
 * @param pending rules asked for with SET_FAULTS and not answered yet, or null
 * @param error   why the last request failed (the node's remark or the transport error), or null
 * @param refusesFaults the node answered that it does not know fault requests (an older runtime, Apache
 *                      RocketMQ): asking it again, or sending it rules, is pointless until it restarts
 */
public record FaultStatus(FaultReport report, FaultRules pending, String error, boolean refusesFaults) {

    public static final FaultStatus UNKNOWN = new FaultStatus(null, null, null, false);

    public boolean known() {
        return report != null;
    }

    /** The node said it applies at least one rule. */
    public boolean hasFaults() {
        return known() && !report.rules().isEmpty();
    }

    /** The node said it applies exactly {@code rules}. */
    public boolean applies(FaultRules rules) {
        return known() && report.rules().equals(rules);
    }
}
