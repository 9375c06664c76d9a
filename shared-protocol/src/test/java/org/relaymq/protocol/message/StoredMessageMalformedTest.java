package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

class StoredMessageMalformedTest {

    private static final int BODY_LENGTH_POSITION = 84;
    private static final int TOPIC_LENGTH_POSITION = 93;
    private static final int PROPERTIES_LENGTH_POSITION = 103;

    private static byte[] golden() {
        return Fixtures.hex("stored-v1-ipv4.hex");
    }

    private static void assertRejected(byte[] bytes, String messagePart) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        assertThatThrownBy(() -> StoredMessageCodec.decode(buf))
                .isInstanceOf(MalformedMessageException.class)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((ProtocolException) e).responseCode())
                        .isEqualTo(ResponseCode.MESSAGE_ILLEGAL));
        assertThat(buf.position()).isZero();
    }

    @Test
    void rejectsUnknownMagic() {
        byte[] b = golden();
        ByteBuffer.wrap(b).putInt(4, 0x12345678);
        assertRejected(b, "unknown magic code 0x12345678");
    }

    @Test
    void rejectsTotalSizeBeyondTheBuffer() {
        byte[] b = golden();
        ByteBuffer.wrap(b).putInt(0, 124);
        assertRejected(b, "TOTALSIZE 124");
        ByteBuffer.wrap(b).putInt(0, Integer.MAX_VALUE);
        assertRejected(b, "TOTALSIZE");
    }

    @Test
    void rejectsTotalSizeBelowTheMinimumOrNegative() {
        byte[] b = golden();
        ByteBuffer.wrap(b).putInt(0, 12);
        assertRejected(b, "TOTALSIZE 12");
        ByteBuffer.wrap(b).putInt(0, -5);
        assertRejected(b, "TOTALSIZE -5");
    }

    @Test
    void rejectsTotalSizeThatDoesNotMatchTheFields() {
        byte[] b = new byte[130];
        System.arraycopy(golden(), 0, b, 0, 122);
        ByteBuffer.wrap(b).putInt(0, 130);
        assertRejected(b, "fields end after 122 bytes");
        ByteBuffer.wrap(b).putInt(0, 120);
        assertRejected(b, "runs past the end");
    }

    @Test
    void rejectsBodyLengthsThatDoNotFit() {
        for (int len : new int[] {-1, Integer.MIN_VALUE, 36, 1 << 30, Integer.MAX_VALUE}) {
            byte[] b = golden();
            ByteBuffer.wrap(b).putInt(BODY_LENGTH_POSITION, len);
            assertRejected(b, "BODY");
        }
    }

    @Test
    void rejectsTopicAndPropertiesLengthsThatDoNotFit() {
        byte[] b = golden();
        b[TOPIC_LENGTH_POSITION] = (byte) 0x80;
        assertRejected(b, "TOPIC");
        b = golden();
        ByteBuffer.wrap(b).putShort(PROPERTIES_LENGTH_POSITION, (short) 19);
        assertRejected(b, "PROPERTIES");
        ByteBuffer.wrap(b).putShort(PROPERTIES_LENGTH_POSITION, (short) -1);
        assertRejected(b, "PROPERTIES");
    }

    @Test
    void rejectsAPortOutOfRange() {
        byte[] b = golden();
        ByteBuffer.wrap(b).putInt(52, 70_000);
        assertRejected(b, "port out of range");
    }

    @Test
    void rejectsTruncatedInput() {
        assertRejected(new byte[0], "only 0 bytes");
        assertRejected(new byte[] {0, 0, 0, 122, (byte) 0xDA}, "only 5 bytes");
        byte[] cut = new byte[100];
        System.arraycopy(golden(), 0, cut, 0, 100);
        assertRejected(cut, "TOTALSIZE 122");
    }

    @Test
    void anyCorruptionIsEitherDecodedOrATypedError() {
        Random random = new Random(42);
        byte[] good = golden();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            int len = random.nextInt(10) == 0 ? random.nextInt(b.length) : b.length;
            ByteBuffer buf = ByteBuffer.wrap(b, 0, len);
            Throwable t = catchThrowable(() -> StoredMessageCodec.decodeAll(buf));
            assertThat(t).isNull();
            Throwable single = catchThrowable(() -> StoredMessageCodec.decode(ByteBuffer.wrap(b, 0, len)));
            if (single != null) {
                assertThat(single).isInstanceOf(MalformedMessageException.class);
            }
        }
    }

    @Test
    void randomGarbageIsATypedError() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            if (b.length >= 8 && random.nextBoolean()) {
                ByteBuffer.wrap(b).putInt(4, StoredMessageCodec.MAGIC_CODE_V2);
                ByteBuffer.wrap(b).putInt(0, Math.max(0, b.length - random.nextInt(3)));
            }
            Throwable t = catchThrowable(() -> StoredMessageCodec.decode(ByteBuffer.wrap(b)));
            if (t != null) {
                assertThat(t).isInstanceOf(MalformedMessageException.class);
            }
        }
    }
}
