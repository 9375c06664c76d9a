package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;

class RegisterBrokerBodyTest {

    private static RegisterBrokerBody body() {
        TopicConfig multiTag = new TopicConfig("T2", 2, 3, 4, TopicFilterType.MULTI_TAG, 0, false);
        Map<String, TopicConfig> topics = Map.of("T1", TopicConfig.of("T1", 8, 6), "T2", multiTag);
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, new DataVersion(1700000000000L, 9)),
                List.of("10.0.0.1:9999"));
    }

    @Test
    void compressedFormRoundTrips() {
        byte[] compressed = body().encode(true);
        assertThat(RegisterBrokerBody.decode(compressed, true, 409)).isEqualTo(body());
        assertThat(RegisterBrokerBody.decode(compressed, true, 413)).isEqualTo(body());
    }

    @Test
    void compressedFormDropsSysFlagAndOrderLikeApache() {
        TopicConfig ordered = new TopicConfig("O", 1, 1, 6, TopicFilterType.SINGLE_TAG, 3, true);
        RegisterBrokerBody in = new RegisterBrokerBody(
                new TopicConfigSerializeWrapper(Map.of("O", ordered), new DataVersion(1, 1)), List.of());
        TopicConfig out = RegisterBrokerBody.decode(in.encode(true), true, 409)
                .topicConfigSerializeWrapper().topicConfigTable().get("O");
        assertThat(out).isEqualTo(TopicConfig.of("O", 1, 6));
    }

    @Test
    void compressedLayoutIsLengthPrefixedBlocksInOneZlibStream() throws IOException {
        byte[] manual = deflate(blocks(true, "T1 8 8 6 SINGLE_TAG"));
        RegisterBrokerBody decoded = RegisterBrokerBody.decode(manual, true, 409);
        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable()).containsOnlyKeys("T1");
        assertThat(decoded.topicConfigSerializeWrapper().dataVersion()).isEqualTo(new DataVersion(7, 2));
        assertThat(decoded.filterServerList()).isEmpty();
        assertThat(RegisterBrokerBodyCompressedCodec.textForm(TopicConfig.of("T1", 8, 6)))
                .isEqualTo("T1 8 8 6 SINGLE_TAG");
    }

    @Test
    void staticTopicSectionIsSkippedFromVersion413() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.write(blocks(true, "T1 8 8 6 SINGLE_TAG {\"+message.type\":\"NORMAL\"}"));
        out.writeInt(1);
        writeBlock(out, "{\"bname\":\"b\",\"topic\":\"T1\",\"totalQueues\":8}");
        RegisterBrokerBody decoded = RegisterBrokerBody.decode(deflate(raw.toByteArray()), true, 413);
        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable().get("T1"))
                .isEqualTo(TopicConfig.of("T1", 8, 6));
    }

    @Test
    void truncatedStaticTopicSectionIsAnError() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.write(blocks(true, "T1 8 8 6 SINGLE_TAG"));
        out.writeInt(2);
        writeBlock(out, "{}");
        assertThatThrownBy(() -> RegisterBrokerBody.decode(deflate(raw.toByteArray()), true, 413))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void jsonFormAccepts5xExtras() {
        RegisterBrokerBody decoded = RegisterBrokerBody.decode(Fixtures.bytes("register-broker-body-5x.json"),
                false, 413);
        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable())
                .isEqualTo(RouteSamples.registerBody().topicConfigSerializeWrapper().topicConfigTable());
        assertThat(decoded.topicConfigSerializeWrapper().dataVersion())
                .isEqualTo(new DataVersion(1700000000000L, 3, 0L));
    }

    @Test
    void everyTruncationOfTheCompressedFormIsAProtocolException() {
        byte[] compressed = body().encode(true);
        for (int length = 0; length < compressed.length; length++) {
            byte[] cut = Arrays.copyOf(compressed, length);
            assertThatThrownBy(() -> RegisterBrokerBody.decode(cut, true, 409))
                    .as("truncated at %d", length).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void malformedCompressedContentIsAProtocolException() throws IOException {
        List<byte[]> bad = List.of(
                "not zlib at all".getBytes(StandardCharsets.UTF_8),
                deflate(new byte[] {0, 0, 0}),
                deflate(blocks(true, "T1 eight 8 6 SINGLE_TAG")),
                deflate(blocks(true, "T1 8 8 6 NO_SUCH_TYPE")),
                deflate(blocks(true, "T1 8 8")),
                deflate(blocks(false, "T1 8 8 6 SINGLE_TAG")),
                deflate(new byte[] {0x7f, 0, 0, 0, '{'}));
        for (byte[] body : bad) {
            assertThatThrownBy(() -> RegisterBrokerBody.decode(body, true, 409)).isInstanceOf(ProtocolException.class)
                    .hasMessageStartingWith("cannot parse ");
        }
    }

    /** DataVersion {7,2}, the given topic texts, and (if asked) an empty filter server list. */
    private static byte[] blocks(boolean withFilterServers, String... topics) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        writeBlock(out, "{\"counter\":2,\"timestamp\":7}");
        out.writeInt(topics.length);
        for (String topic : topics) {
            writeBlock(out, topic);
        }
        if (withFilterServers) {
            writeBlock(out, "[]");
        }
        return raw.toByteArray();
    }

    private static void writeBlock(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] deflate(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
