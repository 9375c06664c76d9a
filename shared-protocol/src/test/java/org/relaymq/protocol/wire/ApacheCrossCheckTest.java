package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Our codec against the official rocketmq-remoting 4.9.8 RemotingCommand, in both directions. */
class ApacheCrossCheckTest {

    private static final int RANDOM_COMMANDS = 2000;

    static Stream<Arguments> typicalCommands() {
        return Stream.of(SerializeType.values()).flatMap(type -> Stream.of(
                Arguments.of(type, "request with ext and body", RemotingCommand.of(310, LanguageCode.JAVA, 409, 12, 0,
                        null, Map.of("b", "TopicTest", "i", "TAGS\u0001TagA\u0002", "a", "pg"),
                        "hello body".getBytes(StandardCharsets.UTF_8), type)),
                Arguments.of(type, "response with remark", RemotingCommand.of(17, LanguageCode.JAVA, 409, 3, 1,
                        "No topic route info in name server for the topic: TopicTest", null, new byte[0], type)),
                Arguments.of(type, "oneway request", RemotingCommand.of(15, LanguageCode.GO, 409, 77, 2, null,
                        Map.of("topic", "TopicTest", "queueId", "0", "commitOffset", "18"), new byte[0], type))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typicalCommands")
    void apacheReadsWhatWeWrite(SerializeType type, String what, RemotingCommand ours) {
        var apache = ApacheOracle.decode(FrameCodec.encode(ours));
        assertThat(ApacheOracle.fromApache(apache)).isEqualTo(ours);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typicalCommands")
    void weReadWhatApacheWrites(SerializeType type, String what, RemotingCommand ours) {
        byte[] frame = ApacheOracle.encode(ApacheOracle.toApache(ours));
        assertThat(FrameCodec.decodeWithLength(ByteBuffer.wrap(frame))).isEqualTo(ours);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typicalCommands")
    void ourFramesAreByteIdenticalToApaches(SerializeType type, String what, RemotingCommand ours) {
        var apache = ApacheOracle.toApache(ours);
        assertThat(FrameCodec.encode(ours)).isEqualTo(ApacheOracle.encode(apache))
                .isEqualTo(ApacheOracle.fastEncode(apache));
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void randomCommandsAreByteIdenticalAndReadTheSameBothWays(SerializeType type) {
        RandomCommands commands = new RandomCommands(77_000L + type.ordinal(), true);
        for (int i = 0; i < RANDOM_COMMANDS; i++) {
            RemotingCommand ours = commands.next(type);
            var apache = ApacheOracle.toApache(ours);
            byte[] frame = FrameCodec.encode(ours);
            assertThat(frame).as("#%d %s", i, ours).isEqualTo(ApacheOracle.encode(apache));
            RemotingCommand readByApache = ApacheOracle.fromApache(ApacheOracle.decode(frame));
            RemotingCommand readByUs = FrameCodec.decodeWithLength(ByteBuffer.wrap(frame));
            assertThat(readByUs).as("#%d %s", i, ours).isEqualTo(readByApache);
        }
    }

    /**
     * Apache's Netty path writes compact strings with Netty's UTF-8 writer, which mangles the character after
     * an unpaired surrogate; so this comparison uses well-formed text only.
     */
    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void randomCommandsAreByteIdenticalToApachesNettyEncoderPath(SerializeType type) {
        RandomCommands commands = new RandomCommands(88_000L + type.ordinal(), false);
        for (int i = 0; i < RANDOM_COMMANDS; i++) {
            RemotingCommand ours = commands.next(type);
            assertThat(FrameCodec.encode(ours)).as("#%d %s", i, ours)
                    .isEqualTo(ApacheOracle.fastEncode(ApacheOracle.toApache(ours)));
        }
    }
}
