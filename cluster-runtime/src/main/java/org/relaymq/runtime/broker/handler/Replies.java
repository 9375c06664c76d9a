package org.relaymq.runtime.broker.handler;

import java.util.Map;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;

/** Small helpers shared by the broker's handlers. */
final class Replies {

    /** What Apache 5.x answers when topics or groups are changed on a slave. */
    static final String SLAVE_REFUSES = "Can't modify topic or subscription group from slave broker, "
            + "please execute it from master broker.";

    private Replies() {
    }

    static RemotingCommand ok(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    static RemotingCommand ok(RemotingCommand request, byte[] body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, body);
    }

    static RemotingCommand ok(RemotingCommand request, Map<String, String> ext) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, ext, null);
    }

    /** @throws ProtocolException (SYSTEM_ERROR) on a slave: metadata is changed on the master only */
    static void refuseOnSlave(BrokerConfig config) {
        if (config.isSlave()) {
            throw ProtocolException.badRequest(SLAVE_REFUSES);
        }
    }
}
