package org.relaymq.runtime.broker.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentFileTest {

    @TempDir
    Path dir;

    static Stream<Arguments> factories() {
        return Stream.of(Arguments.of("mapped", SegmentFileFactory.mapped()),
                Arguments.of("channel", SegmentFileFactory.channel()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void writesReadsTruncatesAndReopens(String name, SegmentFileFactory factory) throws Exception {
        Path p = dir.resolve("00000000000000000000");
        SegmentFile f = factory.open(p, 4096);
        ByteBuffer src = ByteBuffer.wrap("hello world".getBytes());
        f.write(100, src);
        assertThat(src.position()).isZero();
        ByteBuffer r = f.read(100, 11);
        assertThat(r.isReadOnly()).isTrue();
        byte[] out = new byte[11];
        r.get(out);
        assertThat(new String(out)).isEqualTo("hello world");
        assertThat(f.read(4000, 8).getLong(0)).as("unwritten bytes read as zero").isZero();
        f.force();
        f.truncate(106);
        assertThat(f.read(100, 11).get(5)).isEqualTo((byte) ' ');
        assertThat(f.read(106, 5).getInt(0)).isZero();
        f.close();
        f.close();

        SegmentFile again = factory.open(p, 4096);
        assertThat(again.read(100, 5).get(0)).isEqualTo((byte) 'h');
        again.delete();
        assertThat(Files.exists(p)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void slicesHandedOutSurviveDeletionOrFailCleanly(String name, SegmentFileFactory factory) throws Exception {
        SegmentFile f = factory.open(dir.resolve("x"), 1024);
        f.write(0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        ByteBuffer slice = f.read(0, 4);
        f.delete();
        assertThat(slice.get(3)).isEqualTo((byte) 4);
        assertThatThrownBy(() -> f.read(0, 4)).isInstanceOf(RuntimeException.class);
    }
}
