package org.relaymq.protocol.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test fixtures: commented hex resources and the messages they pin. */
final class Fixtures {

    private Fixtures() {
    }

    /** Reads {@code /message/<name>}: hex digits before '#' on each line, whitespace ignored. */
    static byte[] hex(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/message/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            StringBuilder digits = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int hash = line.indexOf('#');
                digits.append((hash < 0 ? line : line.substring(0, hash)).replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(digits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetSocketAddress host(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The message of stored-v1-ipv4.hex. */
    static StoredMessage ipv4Message() {
        return StoredMessage.builder().topic("TopicTest").queueId(3).flag(0).queueOffset(5).physicalOffset(0x1A2B)
                .sysFlag(0).bornTimestamp(1_700_000_000_000L).bornHost(host("10.0.0.5", 54321))
                .storeTimestamp(1_700_000_000_123L).storeHost(host("192.168.0.10", 10911))
                .body("Hello".getBytes(StandardCharsets.UTF_8))
                .properties("KEYS\u0001k1\u0002TAGS\u0001TagA").build();
    }

    /** The message of stored-v1-ipv6.hex. */
    static StoredMessage ipv6Message() {
        return StoredMessage.builder().topic("T6").queueId(1).flag(7).queueOffset(0).physicalOffset(256)
                .sysFlag(SysFlag.TRANSACTION_COMMIT_TYPE).bornTimestamp(1_700_000_000_000L)
                .bornHost(host("2001:db8::1", 40000)).storeTimestamp(1_700_000_000_123L)
                .storeHost(host("2001:db8::a", 10911)).reconsumeTimes(2).preparedTransactionOffset(128)
                .body("hi v6".getBytes(StandardCharsets.UTF_8)).build();
    }
}
