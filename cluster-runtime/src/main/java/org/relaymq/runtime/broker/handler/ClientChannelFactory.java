package org.relaymq.runtime.broker.handler;

import org.relaymq.runtime.broker.client.ClientChannel;
import org.relaymq.runtime.remoting.RequestContext;

/** The {@link ClientChannel} of the connection a request came on. */
@FunctionalInterface
public interface ClientChannelFactory {

    ClientChannel of(RequestContext ctx);
}
