package org.relaymq.runtime.broker.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
    void closedFileRefusesEveryAccessCleanly(String name, SegmentFileFactory factory) throws Exception {
        SegmentFile f = factory.open(dir.resolve("closed"), 1024);
        f.write(0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        f.close();
        assertThatThrownBy(() -> f.read(0, 4)).isInstanceOf(SegmentClosedException.class);
        assertThatThrownBy(() -> f.withView(0, 4, b -> b.get(0))).isInstanceOf(SegmentClosedException.class);
        assertThatThrownBy(() -> f.write(0, ByteBuffer.allocate(4))).isInstanceOf(SegmentClosedException.class);
        f.force();
        f.delete();
        assertThat(Files.exists(dir.resolve("closed"))).isFalse();
    }

    @Test
    void deletedMappedFileIsUnmappedAtOnceAndCopiesReadBeforeStayValid() throws Exception {
        assumeTrue(ProcMaps.isAvailable(), "needs /proc/self/maps");
        Path p = dir.resolve("00000000000000004096");
        SegmentFile f = SegmentFileFactory.mapped().open(p, 4096);
        f.write(8, ByteBuffer.wrap(new byte[] {7, 8, 9}));
        ByteBuffer copy = f.read(8, 3);
        assertThat(ProcMaps.isMapped(p)).isTrue();

        f.delete();
        assertThat(Files.exists(p)).isFalse();
        assertThat(ProcMaps.isMapped(p)).as("unmapped, not left to the garbage collector").isFalse();
        assertThat(copy.get(2)).isEqualTo((byte) 9);
    }

    @Test
    void mappingInUseIsUnmappedWhenTheLastViewEnds() throws Exception {
        assumeTrue(ProcMaps.isAvailable(), "needs /proc/self/maps");
        Path p = dir.resolve("in-use");
        SegmentFile f = SegmentFileFactory.mapped().open(p, 4096);
        f.write(0, ByteBuffer.wrap(new byte[] {5, 6}));
        byte seenAfterDelete = f.withView(0, 2, view -> {
            f.delete();
            assertThatThrownBy(() -> f.read(0, 2)).as("no new use after delete").isInstanceOf(
                    SegmentClosedException.class);
            assertThat(ProcMaps.isMapped(p)).as("still mapped for the view in progress").isTrue();
            return view.get(1);
        });
        assertThat(seenAfterDelete).isEqualTo((byte) 6);
        assertThat(ProcMaps.isMapped(p)).isFalse();
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
