package org.relaymq.runtime.broker.messaging;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.StoredMessageCodec;

/** Small pure helpers shared by send, send-back and the delay service: properties, hosts, limits. */
final class MessageRewrites {

    private MessageRewrites() {
    }

    /**
     * Parses a properties string, refusing what is not {@code name U+0001 value} segments separated by
     * U+0002 (empty segments, such as a trailing separator, are fine).
     *
     * @throws ProtocolException MESSAGE_ILLEGAL for a malformed string
     */
    static Map<String, String> parseStrict(String properties) {
        if (properties == null || properties.isEmpty()) {
            return MessageProperties.parse("");
        }
        int start = 0;
        int len = properties.length();
        while (start < len) {
            int end = properties.indexOf(MessageProperties.PROPERTY_SEPARATOR, start);
            end = end < 0 ? len : end;
            if (end > start) {
                int sep = properties.indexOf(MessageProperties.NAME_VALUE_SEPARATOR, start);
                if (sep <= start || sep >= end) {
                    throw illegal("the message properties cannot be parsed: segment at " + start
                            + " is not name\\u0001value");
                }
            }
            start = end + 1;
        }
        return MessageProperties.parse(properties);
    }

    /** The encoded properties, refused when longer than 32767 UTF-8 bytes. */
    static String encodeChecked(Map<String, String> properties) {
        String encoded = MessageProperties.encode(properties);
        checkPropertiesLength(encoded);
        return encoded;
    }

    static void checkPropertiesLength(String encoded) {
        int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > StoredMessageCodec.MAX_PROPERTIES_LENGTH) {
            throw illegal("the message properties are " + bytes + " bytes, at most "
                    + StoredMessageCodec.MAX_PROPERTIES_LENGTH);
        }
    }

    static void checkBodyLength(int bodyLength, int maxMessageSize) {
        if (bodyLength > maxMessageSize) {
            throw illegal("the message body size " + bodyLength + " exceeds the maximum " + maxMessageSize);
        }
    }

    /** The DELAY level of a properties map, 0 when absent. */
    static int delayLevel(Map<String, String> properties) {
        String raw = properties.get(MessageConst.DELAY_TIME_LEVEL);
        if (raw == null) {
            return 0;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw illegal("the message property DELAY is not a number: '" + raw + "'");
        }
    }

    /** The TCP peer "host:port" as an address; IPv6 literals keep their colons. */
    static InetSocketAddress parseHost(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "cannot tell the peer address: " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "cannot tell the peer address: " + hostPort, e);
        }
    }

    static ProtocolException illegal(String message) {
        return new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, message);
    }
}
