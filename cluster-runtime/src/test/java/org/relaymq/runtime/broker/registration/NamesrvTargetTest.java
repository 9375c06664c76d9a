package org.relaymq.runtime.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NamesrvTargetTest {

    private final NamesrvTarget target = new NamesrvTarget("ns:9876");
    private final List<CompletableFuture<RegisterOutcome>> sends = new ArrayList<>();

    private CompletableFuture<RegisterOutcome> sender() {
        CompletableFuture<RegisterOutcome> f = new CompletableFuture<>();
        sends.add(f);
        return f;
    }

    private static RegisterOutcome ok(long latency) {
        return new RegisterOutcome("ns:9876", true, latency, null, null, null);
    }

    @Test
    void requestsDuringAnInFlightSendCoalesceIntoOneFollowUp() {
        CompletableFuture<RegisterOutcome> first = target.request(this::sender);
        CompletableFuture<RegisterOutcome> second = target.request(this::sender);
        CompletableFuture<RegisterOutcome> third = target.request(this::sender);

        assertThat(sends).hasSize(1);
        assertThat(second).isSameAs(third);

        sends.get(0).complete(ok(1));
        assertThat(first).isCompletedWithValue(ok(1));
        assertThat(sends).hasSize(2);
        assertThat(second).isNotDone();

        sends.get(1).complete(ok(2));
        assertThat(second).isCompletedWithValue(ok(2));

        target.request(this::sender);
        assertThat(sends).hasSize(3);
    }

    @Test
    void aFailedSendStillReleasesTheTarget() {
        CompletableFuture<RegisterOutcome> first = target.request(() -> {
            throw new IllegalStateException("boom");
        });
        assertThat(first).isCompletedExceptionally();
        target.request(this::sender);
        assertThat(sends).hasSize(1);
    }
}
