package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TagHashTest {

    @Test
    void documentedHashes() {
        assertThat(TagHash.tagsCode("TagA")).isEqualTo(2598919L);
        assertThat(TagHash.tagsCode("TagB")).isEqualTo(2598920L);
        assertThat(TagHash.tagsCode("*")).isEqualTo(42L);
        assertThat(TagHash.tagsCode(null)).isZero();
        assertThat(TagHash.tagsCode("")).isZero();
    }

    @Test
    void negativeHashesAreSignExtended() {
        String tag = "negative-hash-tag";
        assertThat(tag.hashCode()).isNegative();
        assertThat(TagHash.tagsCode(tag)).isEqualTo((long) tag.hashCode()).isNegative();
    }

    @Test
    void subscribeAllMatchesEverything() {
        assertThat(TagHash.matches("*", Set.of(), 0)).isTrue();
        assertThat(TagHash.matches(null, null, 123)).isTrue();
        assertThat(TagHash.matches(" * ", Set.of(), 5)).isTrue();
    }

    @Test
    void tagSubscriptionMatchesByCodeOnly() {
        Set<Integer> codes = TagHash.codeSet("TagA || TagB");
        assertThat(codes).containsExactly(2598919, 2598920);
        assertThat(TagHash.matches("TagA || TagB", codes, TagHash.tagsCode("TagB"))).isTrue();
        assertThat(TagHash.matches("TagA || TagB", codes, TagHash.tagsCode("TagC"))).isFalse();
        assertThat(TagHash.matches("TagA || TagB", codes, 0)).as("untagged").isFalse();
        long negative = TagHash.tagsCode("negative-hash-tag");
        assertThat(TagHash.matches("negative-hash-tag", TagHash.codeSet("negative-hash-tag"), negative)).isTrue();
    }

    @Test
    void tagSetTrimsAndDropsEmpty() {
        assertThat(TagHash.tagSet(" TagA ||  || TagB||TagA")).containsExactly("TagA", "TagB");
        assertThat(TagHash.tagSet("*")).isEmpty();
    }
}
