package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final RemotingCommand WORKED_EXAMPLE = RemotingCommand.of(0, LanguageCode.JAVA, 409, 12, 1,
            null, null, new byte[0], SerializeType.JSON);

    @Test
    void encodesTheWorkedFrameExample() {
        byte[] frame = FrameCodec.encode(WORKED_EXAMPLE);
        assertThat(frame).isEqualTo(WireFixtures.hex("frame-json-96.hex"));
        assertThat(Arrays.copyOf(frame, 8)).containsExactly(0, 0, 0, 0x64, 0, 0, 0, 0x60);
    }

    @Test
    void decodesTheWorkedFrameExample() {
        byte[] whole = WireFixtures.hex("frame-json-96.hex");
        assertThat(FrameCodec.decode(ByteBuffer.wrap(whole, 4, whole.length - 4))).isEqualTo(WORKED_EXAMPLE);
        assertThat(FrameCodec.decodeWithLength(ByteBuffer.wrap(whole))).isEqualTo(WORKED_EXAMPLE);
    }

    @Test
    void headerTagPutsTheTypeInTheHighByte() {
        assertThat(FrameCodec.headerTag(SerializeType.JSON, 96)).isEqualTo(0x00000060);
        assertThat(FrameCodec.headerTag(SerializeType.ROCKETMQ, 41)).isEqualTo(0x01000029);
        assertThat(FrameCodec.headerTag(SerializeType.ROCKETMQ, 0xFFFFFF)).isEqualTo(0x01FFFFFF);
    }

    @Test
    void frameCarriesTheBodyAfterTheHeader() {
        byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
        RemotingCommand cmd = RemotingCommand.request(105, Map.of("topic", "T"), body).withOpaque(9);
        byte[] frame = FrameCodec.encode(cmd);
        ByteBuffer in = ByteBuffer.wrap(frame);
        int frameLength = in.getInt();
        int headerLength = in.getInt() & 0xFFFFFF;
        assertThat(frameLength).isEqualTo(frame.length - 4).isEqualTo(4 + headerLength + body.length);
        assertThat(Arrays.copyOfRange(frame, 8, 8 + headerLength)).isEqualTo(FrameCodec.encodeHeader(cmd));
        assertThat(Arrays.copyOfRange(frame, 8 + headerLength, frame.length)).isEqualTo(body);
    }

    @Test
    void decodeKeepsTheSerializeTypeOfTheFrame() {
        RemotingCommand cmd = RemotingCommand.request(34, null).withSerializeType(SerializeType.ROCKETMQ);
        RemotingCommand back = FrameCodec.decodeWithLength(ByteBuffer.wrap(FrameCodec.encode(cmd)));
        assertThat(back.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(back).isEqualTo(cmd);
    }

    @Test
    void decodeLeavesTheCallersBufferAloneAndCopiesTheBody() {
        byte[] frame = FrameCodec.encode(RemotingCommand.request(11, null, new byte[] {1, 2, 3}));
        ByteBuffer buffer = ByteBuffer.wrap(frame, 4, frame.length - 4).order(ByteOrder.LITTLE_ENDIAN);
        RemotingCommand decoded = FrameCodec.decode(buffer);
        assertThat(buffer.position()).isEqualTo(4);
        frame[frame.length - 1] = 99;
        assertThat(decoded.body()).containsExactly(1, 2, 3);
    }

    @Test
    void decodesFromADirectBuffer() {
        RemotingCommand cmd = RemotingCommand.request(11, Map.of("a", "b"), new byte[] {7});
        byte[] frame = FrameCodec.encode(cmd);
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length - 4);
        direct.put(frame, 4, frame.length - 4).flip();
        assertThat(FrameCodec.decode(direct)).isEqualTo(cmd);
    }

    @Test
    void rejectsHeaderLengthBeyondTheFrame() {
        ByteBuffer frame = ByteBuffer.allocate(10).putInt(0x00000007).put(new byte[6]).flip();
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("header length 7");
    }

    @Test
    void rejectsUnknownSerializeTypes() {
        for (int type = 2; type < 256; type++) {
            ByteBuffer frame = ByteBuffer.allocate(4).putInt(type << 24).flip();
            assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class)
                    .hasMessageContaining("serialize type " + type);
        }
    }

    @Test
    void rejectsFramesShorterThanTheHeaderTag() {
        for (int len = 0; len < 4; len++) {
            ByteBuffer frame = ByteBuffer.allocate(len);
            assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(MalformedFrameException.class);
        }
        assertThatThrownBy(() -> FrameCodec.decodeWithLength(ByteBuffer.allocate(2)))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void decodeWithLengthChecksTheLengthField() {
        byte[] frame = FrameCodec.encode(WORKED_EXAMPLE);
        frame[3]++;
        assertThatThrownBy(() -> FrameCodec.decodeWithLength(ByteBuffer.wrap(frame)))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("length field");
    }

    @Test
    void rejectsAHeaderTooLongForTheTag() {
        RemotingCommand huge = RemotingCommand.request(1, null).withSerializeType(SerializeType.ROCKETMQ)
                .withExtFields(Map.of("k", "v".repeat(FrameCodec.MAX_HEADER_LENGTH)));
        assertThatThrownBy(() -> FrameCodec.encode(huge)).isInstanceOf(IllegalArgumentException.class);
    }
}
