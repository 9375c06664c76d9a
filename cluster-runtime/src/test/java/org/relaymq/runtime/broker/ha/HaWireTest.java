package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HaWireTest {

    @Test
    void masterKeepsOnlyTheLastCompleteReportOfARead() {
        EmbeddedChannel ch = new EmbeddedChannel(new OffsetReportDecoder());
        ByteBuf in = Unpooled.buffer().writeLong(100).writeLong(200).writeLong(300).writeBytes(new byte[] {0, 0, 0});
        ch.writeInbound(in);
        assertThat((Long) ch.readInbound()).isEqualTo(300L);
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.buffer().writeBytes(new byte[] {0, 0, 0, 0, 1}));
        assertThat((Long) ch.readInbound()).isEqualTo(1L);
        ch.finishAndReleaseAll();
    }

    @Test
    void reportIsEightBytesBigEndian() {
        ByteBuf b = HaWire.report(Unpooled.buffer().alloc(), 0x0102030405060708L);
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        assertThat(bytes).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        b.release();
    }

    @Test
    void frameLayoutIsOffsetSizeThenBytes() {
        ByteBuf f = HaWire.frame(Unpooled.buffer().alloc(), 0x10L, ByteBuffer.wrap(new byte[] {9, 8, 7}));
        byte[] bytes = new byte[f.readableBytes()];
        f.readBytes(bytes);
        assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 3, 9, 8, 7);
        f.release();
    }

    @Test
    void slaveDecodesSplitFramesAndHeartbeats() {
        EmbeddedChannel ch = new EmbeddedChannel(new TransferFrameDecoder());
        ByteBuf all = Unpooled.buffer().writeLong(64).writeInt(3).writeBytes(new byte[] {1, 2, 3})
                .writeLong(67).writeInt(0);
        ch.writeInbound(all.readRetainedSlice(7));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(all.readRetainedSlice(8));
        TransferFrame data = ch.readInbound();
        assertThat(data.startOffset()).isEqualTo(64);
        assertThat(data.data()).containsExactly(1, 2, 3);
        ch.writeInbound(all.readRetainedSlice(12));
        TransferFrame hb = ch.readInbound();
        assertThat(hb.isHeartbeat()).isTrue();
        assertThat(hb.startOffset()).isEqualTo(67);
        all.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void aNegativeSizeClosesTheSlaveLink() {
        EmbeddedChannel ch = new EmbeddedChannel(new TransferFrameDecoder());
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeLong(0).writeInt(-5)))
                .hasMessageContaining("bad HA frame header");
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }
}
