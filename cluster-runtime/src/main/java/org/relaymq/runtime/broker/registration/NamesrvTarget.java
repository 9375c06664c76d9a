package org.relaymq.runtime.broker.registration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One NameServer's registration channel: at most one REGISTER_BROKER in flight. A request arriving
 * while one is in flight is coalesced into a single follow-up sent (with fresh topics) when the
 * current one ends, so a slow NameServer never accumulates a backlog and never delays another.
 */
final class NamesrvTarget {

    private final String address;
    private CompletableFuture<RegisterOutcome> inFlight;
    private CompletableFuture<RegisterOutcome> followUp;
    private Supplier<CompletableFuture<RegisterOutcome>> followUpSender;

    NamesrvTarget(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }

    /** Sends now, or after the one in flight; completes with the outcome of the send that covers this call. */
    CompletableFuture<RegisterOutcome> request(Supplier<CompletableFuture<RegisterOutcome>> sender) {
        synchronized (this) {
            if (inFlight != null) {
                if (followUp == null) {
                    followUp = new CompletableFuture<>();
                }
                followUpSender = sender;
                return followUp;
            }
            inFlight = new CompletableFuture<>();
        }
        CompletableFuture<RegisterOutcome> mine = inFlight;
        launch(sender, mine);
        return mine;
    }

    private void launch(Supplier<CompletableFuture<RegisterOutcome>> sender, CompletableFuture<RegisterOutcome> into) {
        CompletableFuture<RegisterOutcome> sent;
        try {
            sent = sender.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((outcome, error) -> {
            finished();
            if (error != null) {
                into.completeExceptionally(error);
            } else {
                into.complete(outcome);
            }
        });
    }

    private void finished() {
        CompletableFuture<RegisterOutcome> next;
        Supplier<CompletableFuture<RegisterOutcome>> sender;
        synchronized (this) {
            next = followUp;
            sender = followUpSender;
            followUp = null;
            followUpSender = null;
            inFlight = next;
        }
        if (next != null) {
            launch(sender, next);
        }
    }
}
