package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactHeaderCodecTest {

    private static final byte[] NO_BODY = new byte[0];

    static RemotingCommand request() {
        return RemotingCommand.of(105, LanguageCode.JAVA, 409, 3, 0, null, Map.of("topic", "TopicTest"),
                "abc".getBytes(StandardCharsets.US_ASCII), SerializeType.ROCKETMQ);
    }

    static RemotingCommand response() {
        return RemotingCommand.of(17, LanguageCode.JAVA, 409, 3, 1, "no route", null, NO_BODY,
                SerializeType.ROCKETMQ);
    }

    static RemotingCommand oneway() {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("queueId", "0");
        ext.put("commitOffset", "18");
        return RemotingCommand.of(15, LanguageCode.GO, 409, 77, 2, null, ext, NO_BODY, SerializeType.ROCKETMQ);
    }

    @Test
    void encodesTheHandBuiltGoldenFrames() {
        assertThat(FrameCodec.encode(request())).isEqualTo(WireFixtures.hex("frame-compact-request.hex"));
        assertThat(FrameCodec.encode(response())).isEqualTo(WireFixtures.hex("frame-compact-response.hex"));
        assertThat(FrameCodec.encode(oneway())).isEqualTo(WireFixtures.hex("frame-compact-oneway.hex"));
    }

    @Test
    void decodesTheHandBuiltGoldenFrames() {
        assertThat(FrameCodec.decodeWithLength(ByteBuffer.wrap(WireFixtures.hex("frame-compact-request.hex"))))
                .isEqualTo(request());
        assertThat(FrameCodec.decodeWithLength(ByteBuffer.wrap(WireFixtures.hex("frame-compact-response.hex"))))
                .isEqualTo(response());
        assertThat(FrameCodec.decodeWithLength(ByteBuffer.wrap(WireFixtures.hex("frame-compact-oneway.hex"))))
                .isEqualTo(oneway());
    }

    @Test
    void zeroLengthStringsDecodeAsNullAndTheirEntriesAreDropped() {
        Map<String, String> ext = new HashMap<>();
        ext.put("", "emptyKey");
        ext.put("emptyValue", "");
        ext.put("kept", "v");
        ext.put("nullValue", null);
        RemotingCommand c = RemotingCommand.of(1, LanguageCode.JAVA, 1, 1, 0, "", ext, NO_BODY,
                SerializeType.ROCKETMQ);
        RemotingCommand back = CompactHeaderCodec.decode(CompactHeaderCodec.encode(c), NO_BODY);
        assertThat(back.remark()).isNull();
        assertThat(back.extFields()).containsExactly(Map.entry("kept", "v"));
    }

    @Test
    void emptyAndNullExtFieldsBothDecodeAsNull() {
        RemotingCommand empty = RemotingCommand.of(1, LanguageCode.JAVA, 1, 1, 0, null, Map.of(), NO_BODY,
                SerializeType.ROCKETMQ);
        assertThat(CompactHeaderCodec.decode(CompactHeaderCodec.encode(empty), NO_BODY).extFields()).isNull();
    }

    @Test
    void negativeInt16CodesSurvive() {
        RemotingCommand c = RemotingCommand.of(-1000, LanguageCode.JAVA, Short.MAX_VALUE, -5, 3, null, null,
                NO_BODY, SerializeType.ROCKETMQ);
        assertThat(CompactHeaderCodec.decode(CompactHeaderCodec.encode(c), NO_BODY)).isEqualTo(c);
    }

    @Test
    void unknownLanguageByteIsOther() {
        byte[] header = CompactHeaderCodec.encode(response());
        header[2] = 99;
        assertThat(CompactHeaderCodec.decode(header, NO_BODY).language()).isEqualTo(LanguageCode.OTHER);
    }

    @Test
    void refusesToEncodeWhatInt16CannotHold() {
        RemotingCommand pop = RemotingCommand.of(200050, LanguageCode.JAVA, 409, 1, 0, null, null, NO_BODY,
                SerializeType.ROCKETMQ);
        assertThatThrownBy(() -> CompactHeaderCodec.encode(pop)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200050");
        assertThatThrownBy(() -> CompactHeaderCodec.encode(pop.withVersion(40000).withExtFields(null)))
                .isInstanceOf(IllegalArgumentException.class);
        String longKey = "k".repeat(Short.MAX_VALUE + 1);
        RemotingCommand c = RemotingCommand.of(1, LanguageCode.JAVA, 1, 1, 0, null, Map.of(longKey, "v"),
                NO_BODY, SerializeType.ROCKETMQ);
        assertThatThrownBy(() -> CompactHeaderCodec.encode(c)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTruncationIsMalformed() {
        byte[] header = CompactHeaderCodec.encode(oneway());
        for (int len = 0; len < header.length; len++) {
            byte[] cut = Arrays.copyOf(header, len);
            assertThatThrownBy(() -> CompactHeaderCodec.decode(cut, NO_BODY))
                    .as("header cut to %d bytes", len)
                    .isInstanceOf(MalformedFrameException.class);
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] header = Arrays.copyOf(CompactHeaderCodec.encode(response()), 30);
        assertThatThrownBy(() -> CompactHeaderCodec.decode(header, NO_BODY))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("trailing");
    }

    @Test
    void hugeOrNegativeDeclaredLengthsAreRejectedBeforeAllocating() {
        int remarkOffset = 13;
        int[] lengths = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, -1, Integer.MIN_VALUE, 1 << 30};
        for (int declared : lengths) {
            byte[] header = CompactHeaderCodec.encode(response());
            ByteBuffer.wrap(header).putInt(remarkOffset, declared);
            assertThatThrownBy(() -> CompactHeaderCodec.decode(header, NO_BODY))
                    .isInstanceOf(MalformedFrameException.class).hasMessageContaining("remark length");
            byte[] oneway = CompactHeaderCodec.encode(oneway());
            ByteBuffer.wrap(oneway).putInt(remarkOffset + 4, declared);
            assertThatThrownBy(() -> CompactHeaderCodec.decode(oneway, NO_BODY))
                    .isInstanceOf(MalformedFrameException.class).hasMessageContaining("extFields area length");
            ByteBuffer.wrap(oneway).putInt(remarkOffset + 4, 34).putInt(remarkOffset + 8 + 2 + 12, declared);
            assertThatThrownBy(() -> CompactHeaderCodec.decode(oneway, NO_BODY))
                    .isInstanceOf(MalformedFrameException.class).hasMessageContaining("ext value length");
        }
    }

    @Test
    void anEntryCrossingTheEndOfTheExtAreaIsMalformed() {
        byte[] header = CompactHeaderCodec.encode(oneway());
        ByteBuffer.wrap(header).putInt(17, 33);
        byte[] shorter = Arrays.copyOf(header, header.length - 1);
        assertThatThrownBy(() -> CompactHeaderCodec.decode(shorter, NO_BODY))
                .isInstanceOf(MalformedFrameException.class);
        ByteBuffer.wrap(header).putInt(17, 30);
        assertThatThrownBy(() -> CompactHeaderCodec.decode(header, NO_BODY))
                .isInstanceOf(MalformedFrameException.class);
    }
}
