package org.relaymq.runtime.namesrv.handler;

import java.util.zip.CRC32;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.body.KVTable;
import org.relaymq.protocol.body.RegisterBrokerBody;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.header.RegisterBrokerRequestHeader;
import org.relaymq.protocol.header.RegisterBrokerResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.KvConfigState;
import org.relaymq.runtime.namesrv.KvConfigStore;
import org.relaymq.runtime.namesrv.Moment;
import org.relaymq.runtime.namesrv.RegisterRequest;
import org.relaymq.runtime.namesrv.RegisterResult;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** REGISTER_BROKER (103): a broker's first registration or heartbeat, with its topic config. */
public final class RegisterBrokerHandler implements RequestHandler {

    /** Brokers older than V3_0_11 send a bare TopicConfigSerializeWrapper as the body. */
    private static final int BARE_WRAPPER_BELOW_VERSION = 37;

    private final RouteState routes;
    private final KvConfigStore kv;
    private final TimeSource time;

    public RegisterBrokerHandler(RouteState routes, KvConfigStore kv, TimeSource time) {
        this.routes = routes;
        this.kv = kv;
        this.time = time;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        RegisterBrokerRequestHeader h = RegisterBrokerRequestHeader.fromExt(request.ext());
        byte[] body = request.body();
        if (h.bodyCrc32() != 0 && crc32(body) != h.bodyCrc32()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "crc32 not match");
        }
        RegisterBrokerBody decoded = decodeBody(body, h.compressed(), request.version());
        RegisterResult result = routes.register(RegisterRequest.of(h.clusterName(), h.brokerAddr(), h.brokerName(),
                h.brokerId(), h.haServerAddr(), ctx.channelId(), decoded), Moment.of(time));
        RegisterBrokerResponseHeader answer = new RegisterBrokerResponseHeader(result.haServerAddr(),
                result.masterAddr());
        byte[] orderTopicConfig = kv.list(KvConfigState.ORDER_TOPIC_CONFIG)
                .map(table -> new KVTable(table).encode()).orElse(null);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, answer.toExt(), orderTopicConfig);
    }

    private static RegisterBrokerBody decodeBody(byte[] body, boolean compressed, int version) {
        if (body.length == 0) {
            return null;
        }
        if (version < BARE_WRAPPER_BELOW_VERSION && !compressed) {
            return new RegisterBrokerBody(TopicConfigSerializeWrapper.decode(body), null);
        }
        return RegisterBrokerBody.decode(body, compressed, version);
    }

    static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
