package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class WriteBackPressureHandlerTest {

    @Test
    void readingPausesWhileThePeerIsUnwritableAndResumesAfter() {
        EmbeddedChannel ch = new EmbeddedChannel(new WriteBackPressureHandler());
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));

        ch.write(Unpooled.wrappedBuffer(new byte[64]));
        ch.runPendingTasks();
        assertThat(ch.isWritable()).isFalse();
        assertThat(ch.config().isAutoRead()).isFalse();

        ch.flush();
        ch.runPendingTasks();
        assertThat(ch.isWritable()).isTrue();
        assertThat(ch.config().isAutoRead()).isTrue();

        ch.releaseOutbound();
        assertThat(ch.finish()).isFalse();
    }
}
