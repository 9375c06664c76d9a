package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.Set;
import org.relaymq.protocol.message.TagHash;

/**
 * Broker-side filter of a pull: first on the ConsumeQueue tagsCode, then optionally on the stored record.
 * Entries rejected by either are skipped but still advance {@code nextBeginOffset}.
 */
@FunctionalInterface
public interface MessageFilter {

    /** Matches every message. */
    MessageFilter ALL = tagsCode -> true;

    boolean matchesTagsCode(long tagsCode);

    /** Second-stage check on the record bytes (read-only, position 0); default: accept. */
    default boolean matchesRecord(ByteBuffer record) {
        return true;
    }

    /** The §6.4 tag subscription: {@code *} (or null/blank) matches all, else {@code (int) tagsCode ∈ codeSet}. */
    static MessageFilter byTags(String subString, Set<Integer> codeSet) {
        Set<Integer> codes = codeSet == null ? Set.of() : Set.copyOf(codeSet);
        if (TagHash.isSubscribeAll(subString)) {
            return ALL;
        }
        return tagsCode -> TagHash.matches(subString, codes, tagsCode);
    }

    /** Tag subscription from the expression alone ("TagA || TagB"). */
    static MessageFilter byTags(String subString) {
        return byTags(subString, TagHash.codeSet(subString));
    }
}
