package org.relaymq.runtime.remoting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.relaymq.protocol.wire.RemotingCommand;

/** Waiting for a response future and unwrapping its failure into a {@link RemotingException}. */
final class Responses {

    private Responses() {
    }

    static RemotingCommand await(CompletableFuture<RemotingCommand> future)
            throws RemotingException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RemotingException unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RemotingException re) {
            return re;
        }
        return new RemotingSendRequestException("remote call failed: " + cause, cause);
    }
}
