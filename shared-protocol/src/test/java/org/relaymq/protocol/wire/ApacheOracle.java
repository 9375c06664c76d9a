package org.relaymq.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.remoting.exception.RemotingCommandException;

/** Adapters to the official Apache RocketMQ 4.9.8 RemotingCommand, used only as a test oracle. */
final class ApacheOracle {

    private ApacheOracle() {
    }

    /** Apache's view of our command; ext keys inserted sorted so fastjson iterates them in our order. */
    static org.apache.rocketmq.remoting.protocol.RemotingCommand toApache(RemotingCommand ours) {
        var apache = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(ours.code(), null);
        apache.setCode(ours.code());
        apache.setLanguage(org.apache.rocketmq.remoting.protocol.LanguageCode.valueOf(ours.language().name()));
        apache.setVersion(ours.version());
        apache.setOpaque(ours.opaque());
        apache.setFlag(ours.flag());
        apache.setRemark(ours.remark());
        if (ours.extFields() != null) {
            apache.setExtFields(new LinkedHashMap<>(new TreeMap<>(ours.extFields())));
        }
        apache.setBody(ours.body().length == 0 ? null : ours.body());
        apache.setSerializeTypeCurrentRPC(
                org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(ours.serializeType().name()));
        return apache;
    }

    /** Apache's encode(): the whole frame, starting with the length field. */
    static byte[] encode(org.apache.rocketmq.remoting.protocol.RemotingCommand apache) {
        ByteBuffer buffer = apache.encode();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Apache's Netty path: fastEncodeHeader() writes length, tag and header; the encoder appends the body. */
    static byte[] fastEncode(org.apache.rocketmq.remoting.protocol.RemotingCommand apache) {
        ByteBuf out = Unpooled.buffer();
        try {
            apache.fastEncodeHeader(out);
            if (apache.getBody() != null) {
                out.writeBytes(apache.getBody());
            }
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /** Apache's decode(ByteBuffer): takes the frame after the length field, as its Netty decoder passes it. */
    static org.apache.rocketmq.remoting.protocol.RemotingCommand decode(byte[] wholeFrame) {
        try {
            return org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(
                    ByteBuffer.wrap(wholeFrame, 4, wholeFrame.length - 4).slice());
        } catch (RemotingCommandException e) {
            throw new AssertionError("Apache could not decode our frame", e);
        }
    }

    /**
     * Our view of an Apache command, as Apache itself reads it. Apache keeps compact entries whose key or
     * value read as null (zero length); we drop them by design, so they are dropped here too.
     */
    static RemotingCommand fromApache(org.apache.rocketmq.remoting.protocol.RemotingCommand apache) {
        Map<String, String> ext = null;
        if (apache.getExtFields() != null) {
            ext = new HashMap<>();
            for (Map.Entry<String, String> e : apache.getExtFields().entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    ext.put(e.getKey(), e.getValue());
                }
            }
        }
        return RemotingCommand.of(apache.getCode(), LanguageCode.fromName(apache.getLanguage().name()),
                apache.getVersion(), apache.getOpaque(), apache.getFlag(), apache.getRemark(), ext,
                apache.getBody(), SerializeType.valueOf(apache.getSerializeTypeCurrentRPC().name()));
    }
}
