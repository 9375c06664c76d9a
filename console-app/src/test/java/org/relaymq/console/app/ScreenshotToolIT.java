package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The screenshot command works: four non-trivial PNGs from the real console on a real cluster. */
class ScreenshotToolIT {

    @Test
    void writesTheFourScreenshots() throws Exception {
        List<Path> files = ScreenshotTool.run(Path.of("target", "screenshots"));
        assertThat(files).hasSize(4);
        for (Path f : files) {
            assertThat(Files.size(f)).as(f.toString()).isGreaterThan(10_000);
        }
    }
}
