package org.relaymq.runtime.broker.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UseCountTest {

    private final AtomicInteger releases = new AtomicInteger();
    private final UseCount uses = new UseCount(releases::incrementAndGet);

    @Test
    void unusedResourceIsReleasedOnceAtClose() {
        uses.close();
        uses.close();
        assertThat(releases).hasValue(1);
        assertThat(uses.enter()).isFalse();
    }

    @Test
    void releaseWaitsForTheLastUseAndNoUseStartsAfterClose() {
        assertThat(uses.enter()).isTrue();
        assertThat(uses.enter()).isTrue();
        uses.close();
        assertThat(uses.enter()).as("closed: draining").isFalse();
        uses.exit();
        assertThat(releases).hasValue(0);
        uses.exit();
        assertThat(releases).hasValue(1);
        assertThat(uses.enter()).isFalse();
        assertThat(releases).hasValue(1);
    }
}
