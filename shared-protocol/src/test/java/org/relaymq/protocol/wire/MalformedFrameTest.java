package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives, decode either yields a command or throws MalformedFrameException: nothing else. */
class MalformedFrameTest {

    private static final int ROUNDS = 5000;

    @Test
    void randomBytesNeverEscapeAsAnotherException() {
        Random random = new Random(4242L);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] frame = new byte[random.nextInt(64)];
            random.nextBytes(frame);
            if (frame.length >= 4 && random.nextBoolean()) {
                frame[0] = (byte) random.nextInt(2);
                frame[1] = 0;
                frame[2] = 0;
                frame[3] = (byte) random.nextInt(frame.length - 3);
            }
            decodeOrMalformed(frame);
        }
    }

    @Test
    void mutatedValidFramesNeverEscapeAsAnotherException() {
        Random random = new Random(777L);
        RandomCommands commands = new RandomCommands(778L, false);
        for (int i = 0; i < ROUNDS; i++) {
            SerializeType type = SerializeType.values()[i % 2];
            byte[] whole = FrameCodec.encode(commands.next(type));
            byte[] frame = Arrays.copyOfRange(whole, 4, whole.length);
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = Arrays.copyOf(frame, random.nextInt(frame.length + 1));
            decodeOrMalformed(frame);
            decodeOrMalformed(cut);
        }
    }

    @Test
    void headerLengthBeyondTheFrameIsMalformed() {
        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(4 + header.length)
                .putInt(FrameCodec.headerTag(SerializeType.JSON, header.length + 1)).put(header).flip();
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class);
        ByteBuffer max = ByteBuffer.allocate(4).putInt(FrameCodec.headerTag(SerializeType.ROCKETMQ, 0xFFFFFF)).flip();
        assertThatThrownBy(() -> FrameCodec.decode(max)).isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void jsonGarbageIsMalformed() {
        for (String garbage : new String[] {"", "hello", "{\"code\":", "\u0000\u0001", "[[[[[[", "{\"a\":1}}"}) {
            byte[] header = garbage.getBytes(StandardCharsets.UTF_8);
            ByteBuffer frame = ByteBuffer.allocate(4 + header.length)
                    .putInt(FrameCodec.headerTag(SerializeType.JSON, header.length)).put(header).flip();
            assertThatThrownBy(() -> FrameCodec.decode(frame)).as(garbage)
                    .isInstanceOf(MalformedFrameException.class);
        }
    }

    @Test
    void deeplyNestedJsonIsMalformedOrIgnoredWithoutStackOverflow() {
        String nested = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        decodeOrMalformed(frameOf(SerializeType.JSON, nested.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void truncatedCompactHeaderIsMalformed() {
        byte[] header = CompactHeaderCodec.encode(RemotingCommand.request(105, java.util.Map.of("topic", "T"))
                .withSerializeType(SerializeType.ROCKETMQ));
        for (int len = 0; len < header.length; len++) {
            byte[] frame = frameOf(SerializeType.ROCKETMQ, Arrays.copyOf(header, len));
            assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame))).as("cut at %d", len)
                    .isInstanceOf(MalformedFrameException.class);
        }
    }

    @Test
    void hugeDeclaredLengthInsideACompactHeaderIsRejectedBeforeAllocating() {
        ByteBuffer header = ByteBuffer.allocate(21).putShort((short) 1).put((byte) 0).putShort((short) 409)
                .putInt(1).putInt(0).putInt(Integer.MAX_VALUE - 2).putInt(0);
        byte[] frame = frameOf(SerializeType.ROCKETMQ, header.array());
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("remark length");
    }

    private static byte[] frameOf(SerializeType type, byte[] header) {
        return ByteBuffer.allocate(4 + header.length).putInt(FrameCodec.headerTag(type, header.length))
                .put(header).array();
    }

    private static void decodeOrMalformed(byte[] frame) {
        try {
            RemotingCommand decoded = FrameCodec.decode(ByteBuffer.wrap(frame));
            assertThat(decoded).isNotNull();
        } catch (MalformedFrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | Error other) {
            fail("decode of " + Arrays.toString(frame) + " threw " + other, other);
        }
    }
}
