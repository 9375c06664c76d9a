package org.relaymq.protocol.message;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The broker's offset message id (protocol.md §5.3): uppercase hex of the store host's IP bytes, its
 * port as int32 and the record's commit-log offset as int64. 32 hex digits for IPv4, 56 for IPv6.
 */
public record MessageId(InetSocketAddress storeHost, long commitLogOffset) {

    public static final int IPV4_ID_LENGTH = 32;
    public static final int IPV6_ID_LENGTH = 56;

    public MessageId {
        Objects.requireNonNull(storeHost, "storeHost");
        if (storeHost.getAddress() == null) {
            throw new IllegalArgumentException("storeHost must be a resolved address: " + storeHost);
        }
    }

    /** The id of the record at {@code commitLogOffset} stored by {@code storeHost}. */
    public static String create(InetSocketAddress storeHost, long commitLogOffset) {
        byte[] ip = storeHost.getAddress().getAddress();
        byte[] out = new byte[(ip.length + 12) * 2];
        int pos = Hex.putBytes(out, 0, ip);
        pos = Hex.putInt(out, pos, storeHost.getPort());
        Hex.putLong(out, pos, commitLogOffset);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses an offset id (either hex case).
     *
     * @throws MalformedMessageException when the id is null, not 32 or 56 hex digits, or has a bad port
     */
    public static MessageId parse(String id) {
        if (id == null || (id.length() != IPV4_ID_LENGTH && id.length() != IPV6_ID_LENGTH)) {
            throw new MalformedMessageException("offset message id must be 32 or 56 hex digits: " + id);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Hex.decode(id, "offset message id"));
        byte[] ip = new byte[id.length() == IPV4_ID_LENGTH ? 4 : 16];
        bytes.get(ip);
        int port = bytes.getInt();
        long offset = bytes.getLong();
        if (port < 0 || port > 0xFFFF) {
            throw new MalformedMessageException("offset message id has port out of range: " + id);
        }
        try {
            InetAddress address = ip.length == 4 ? InetAddress.getByAddress(ip)
                    : Inet6Address.getByAddress(null, ip, -1);
            return new MessageId(new InetSocketAddress(address, port), offset);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("offset message id has a bad address: " + id);
        }
    }

    /** True when {@code id} has the shape of an offset id (32 or 56 hex digits). */
    public static boolean looksLikeOffsetId(String id) {
        if (id == null || (id.length() != IPV4_ID_LENGTH && id.length() != IPV6_ID_LENGTH)) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.digit(id.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** This id as uppercase hex. */
    public String toHex() {
        return create(storeHost, commitLogOffset);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
