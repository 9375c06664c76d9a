package org.relaymq.runtime.remoting;

import org.relaymq.protocol.wire.RemotingCommand;

/**
 * Serves one request code. Runs on the executor it was registered with, never on the event loop.
 *
 * <p>Returns the response, or null for "no response now": a oneway request, or an answer given
 * later through {@link RequestContext#respond} (long polling). Throwing
 * {@link org.relaymq.protocol.ProtocolException} answers with its code and message; any other
 * exception answers SYSTEM_ERROR.
 */
@FunctionalInterface
public interface RequestHandler {

    RemotingCommand handle(RequestContext ctx, RemotingCommand request) throws Exception;
}
