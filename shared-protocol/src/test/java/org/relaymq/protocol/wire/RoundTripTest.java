package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {

    private static final int COMMANDS = 3000;

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void randomCommandsSurviveEncodeThenDecode(SerializeType type) {
        RandomCommands commands = new RandomCommands(20240601L + type.ordinal(), false);
        for (int i = 0; i < COMMANDS; i++) {
            RemotingCommand cmd = commands.next(type);
            byte[] frame = FrameCodec.encode(cmd);
            RemotingCommand back = FrameCodec.decodeWithLength(ByteBuffer.wrap(frame));
            RemotingCommand expected = type == SerializeType.ROCKETMQ ? RandomCommands.asCompactDecodes(cmd) : cmd;
            assertThat(back).as("command #%d %s", i, cmd).isEqualTo(expected);
            if (type == SerializeType.JSON) {
                assertThat(FrameCodec.encode(back)).as("re-encoding #%d", i).isEqualTo(frame);
            }
        }
    }
}
