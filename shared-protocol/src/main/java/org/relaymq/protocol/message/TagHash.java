package org.relaymq.protocol.message;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** ConsumeQueue tagsCode and broker-side tag filtering (protocol.md §6.4). */
public final class TagHash {

    /** The subscription expression that matches every message. */
    public static final String SUB_ALL = "*";

    private TagHash() {
    }

    /** Sign-extended {@code String.hashCode()} of the tag; 0 for a null or empty tag. */
    public static long tagsCode(String tags) {
        if (tags == null || tags.isEmpty()) {
            return 0L;
        }
        return tags.hashCode();
    }

    /**
     * Broker-side match of a ConsumeQueue entry: a null, empty or {@code *} subscription matches
     * everything; otherwise the entry matches when {@code (int) tagsCode} is in {@code codeSet}.
     */
    public static boolean matches(String subString, Set<Integer> codeSet, long tagsCode) {
        if (isSubscribeAll(subString)) {
            return true;
        }
        return codeSet != null && codeSet.contains((int) tagsCode);
    }

    public static boolean isSubscribeAll(String subString) {
        return subString == null || subString.isBlank() || SUB_ALL.equals(subString.trim());
    }

    /** The tags of a subscription expression {@code "TagA || TagB"}, trimmed, empty ones dropped. */
    public static Set<String> tagSet(String subString) {
        if (isSubscribeAll(subString)) {
            return Collections.emptySet();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : subString.split("\\|\\|")) {
            String t = tag.trim();
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    /** The hash codes of {@link #tagSet(String)}, the {@code codeSet} a client sends. */
    public static Set<Integer> codeSet(String subString) {
        Set<Integer> codes = new LinkedHashSet<>();
        for (String tag : tagSet(subString)) {
            codes.add(tag.hashCode());
        }
        return Collections.unmodifiableSet(codes);
    }
}
