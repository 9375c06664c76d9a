package org.relaymq.protocol.body;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.relaymq.protocol.ProtocolException;

/**
 * The deflated REGISTER_BROKER body (protocol.md §4.4.2): a zlib stream (BEST_COMPRESSION) of
 * length-prefixed (big-endian int32) blocks: DataVersion JSON, topic count, one text-form TopicConfig
 * per topic ({@code name read write perm filterType}), the filter server list JSON, and — only from
 * requesters at version ≥ 413 — a static-topic mapping section that we read past.
 */
final class RegisterBrokerBodyCompressedCodec {

    /** V5_0_0: compressed bodies from this version on may carry the static-topic mapping section. */
    static final int STATIC_TOPIC_MIN_VERSION = 413;
    /** Upper bound for the inflated size; a real broker's table is a few MiB at most. */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private RegisterBrokerBodyCompressedCodec() {
    }

    static byte[] encode(RegisterBrokerBody body) {
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        DataVersion version = wrapper == null || wrapper.dataVersion() == null
                ? new DataVersion(0L, 0L) : wrapper.dataVersion();
        Map<String, TopicConfig> topics = wrapper == null ? Map.of() : wrapper.topicConfigTable();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writeBlock(out, version.encode());
            out.writeInt(topics.size());
            for (TopicConfig topic : topics.values()) {
                writeBlock(out, textForm(topic).getBytes(StandardCharsets.UTF_8));
            }
            writeBlock(out, ProtocolJson.encode(body.filterServerList()));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory deflate failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** TopicConfig's text form; topicSysFlag and order are not carried. */
    static String textForm(TopicConfig topic) {
        return topic.topicName() + ' ' + topic.readQueueNums() + ' ' + topic.writeQueueNums() + ' '
                + topic.perm() + ' ' + topic.topicFilterType().name();
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    static RegisterBrokerBody decode(byte[] body, int requesterVersion) {
        ByteBuffer in = ByteBuffer.wrap(inflate(body));
        try {
            DataVersion version = ProtocolJson.decode(readBlock(in), DataVersion.class);
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 4) {
                throw failure("bad topic count " + count);
            }
            Map<String, TopicConfig> topics = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                TopicConfig topic = parseTextForm(new String(readBlock(in), StandardCharsets.UTF_8));
                topics.put(topic.topicName(), topic);
            }
            List<String> filterServers = List.of(ProtocolJson.decode(readBlock(in), String[].class));
            if (requesterVersion >= STATIC_TOPIC_MIN_VERSION && in.hasRemaining()) {
                skipMappingSection(in);
            }
            return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, version), filterServers);
        } catch (BufferUnderflowException e) {
            throw failure("truncated content");
        } catch (NullPointerException e) {
            throw failure("null entry");
        }
    }

    private static void skipMappingSection(ByteBuffer in) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 4) {
            throw failure("bad static topic mapping count " + count);
        }
        for (int i = 0; i < count; i++) {
            readBlock(in);
        }
    }

    /** Parses {@code name read write perm filterType}; a 5.x sixth field (attributes JSON) is ignored. */
    static TopicConfig parseTextForm(String text) {
        String[] parts = text.split(" ", 6);
        if (parts.length < 5 || parts[0].isEmpty()) {
            throw failure("bad topic config text '" + text + "'");
        }
        try {
            return new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), TopicFilterType.valueOf(parts[4]), 0, false);
        } catch (IllegalArgumentException e) {
            throw failure("bad topic config text '" + text + "'");
        }
    }

    private static byte[] readBlock(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw failure("bad block length " + length);
        }
        byte[] block = new byte[length];
        in.get(block);
        return block;
    }

    private static byte[] inflate(byte[] body) {
        if (body == null || body.length == 0) {
            throw failure("empty body");
        }
        Inflater inflater = new Inflater();
        inflater.setInput(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
        byte[] chunk = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw failure("truncated zlib stream");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw failure("inflated body larger than " + MAX_INFLATED_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw failure("not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static ProtocolException failure(String detail) {
        return ProtocolJson.cannotParse(RegisterBrokerBody.class, "compressed form: " + detail);
    }
}
