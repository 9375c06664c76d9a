package org.relaymq.protocol.body;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One subscription of a consumer group (protocol.md §4.4.5). {@code subString} {@code *} (or empty) means
 * all tags; otherwise {@code tagsSet} holds the {@code ||}-separated, trimmed tags and {@code codeSet} their
 * {@link String#hashCode()} values. {@code filterClassSource} is never serialized, so it is not modelled.
 */
public record SubscriptionData(boolean classFilterMode, Set<Integer> codeSet, String expressionType,
                               String subString, long subVersion, Set<String> tagsSet, String topic) {

    public static final String SUB_ALL = "*";
    public static final String EXPRESSION_TAG = "TAG";
    public static final String EXPRESSION_SQL92 = "SQL92";

    public SubscriptionData {
        codeSet = Copies.set(codeSet);
        tagsSet = Copies.set(tagsSet);
        if (expressionType == null || expressionType.isEmpty()) {
            expressionType = EXPRESSION_TAG;
        }
    }

    /** A TAG subscription built the way Apache's clients build it. */
    public static SubscriptionData of(String topic, String subString, long subVersion) {
        if (subString == null || subString.isBlank() || SUB_ALL.equals(subString.trim())) {
            return new SubscriptionData(false, Set.of(), EXPRESSION_TAG, SUB_ALL, subVersion, Set.of(), topic);
        }
        Set<String> tags = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        for (String tag : subString.split("\\|\\|")) {
            String trimmed = tag.trim();
            if (!trimmed.isEmpty()) {
                tags.add(trimmed);
                codes.add(trimmed.hashCode());
            }
        }
        return new SubscriptionData(false, codes, EXPRESSION_TAG, subString, subVersion, tags, topic);
    }

    /** True when every tag matches ({@code *} or an empty expression). */
    public boolean subscribesAll() {
        return subString == null || subString.isBlank() || SUB_ALL.equals(subString.trim());
    }
}
