package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    private static final List<BatchCodec.Entry> ENTRIES = List.of(
            new BatchCodec.Entry(0, "ab".getBytes(StandardCharsets.UTF_8), "TAGS\u0001T\u0002"),
            new BatchCodec.Entry(9, new byte[0], ""));

    @Test
    void entryLayoutIsPinned() {
        byte[] body = BatchCodec.encode(ENTRIES);
        assertThat(HexFormat.of().withUpperCase().formatHex(body)).isEqualTo(
                "0000001F" + "00000000" + "00000000" + "00000000" + "00000002" + "6162" + "0007" + "544147530154"
                        + "02"
                        + "00000016" + "00000000" + "00000000" + "00000009" + "00000000" + "0000");
        assertThat(BatchCodec.encodedSize(ENTRIES)).isEqualTo(31 + 22);
        assertThat(BatchCodec.decode(body)).isEqualTo(ENTRIES);
    }

    @Test
    void decodeDoesNotMoveThePosition() {
        ByteBuffer buf = ByteBuffer.wrap(BatchCodec.encode(ENTRIES));
        assertThat(BatchCodec.decode(buf)).hasSize(2);
        assertThat(buf.position()).isZero();
        assertThat(BatchCodec.decode(new byte[0])).isEmpty();
    }

    @Test
    void inconsistentLengthsAreTypedErrors() {
        byte[] good = BatchCodec.encode(ENTRIES);
        int[][] corruptions = {{0, 0x20}, {0, 21}, {0, -1}, {16, 3}, {16, -2}, {16, 0x7FFFFFFF}};
        for (int[] c : corruptions) {
            byte[] b = good.clone();
            ByteBuffer.wrap(b).putInt(c[0], c[1]);
            assertThatThrownBy(() -> BatchCodec.decode(b)).isInstanceOf(MalformedMessageException.class);
        }
        byte[] b = good.clone();
        ByteBuffer.wrap(b).putShort(22, (short) 6);
        assertThatThrownBy(() -> BatchCodec.decode(b)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("TOTALSIZE leaves 1");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);
        assertThatThrownBy(() -> BatchCodec.decode(cut)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void garbageIsATypedError() {
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = new byte[1 + random.nextInt(100)];
            random.nextBytes(b);
            if (b.length >= 4 && random.nextBoolean()) {
                ByteBuffer.wrap(b).putInt(0, b.length);
            }
            try {
                BatchCodec.decode(b);
            } catch (MalformedMessageException expected) {
                assertThat(expected.getMessage()).isNotEmpty();
            }
        }
    }

    @Test
    void brokerMergesEntryAndBatchProperties() {
        assertThat(BatchCodec.mergeProperties("A\u00011\u0002", "WAIT\u0001true\u0002"))
                .isEqualTo("A\u00011\u0002WAIT\u0001true\u0002");
        assertThat(BatchCodec.mergeProperties("A\u00011", "WAIT\u0001true\u0002"))
                .isEqualTo("A\u00011\u0002WAIT\u0001true\u0002");
        assertThat(BatchCodec.mergeProperties("", "CLUSTER\u0001c\u0002")).isEqualTo("CLUSTER\u0001c\u0002");
        assertThat(BatchCodec.mergeProperties("A\u00011", "")).isEqualTo("A\u00011");
        assertThat(BatchCodec.mergeProperties(null, null)).isEmpty();
    }
}
