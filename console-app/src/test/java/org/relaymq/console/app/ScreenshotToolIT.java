package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The screenshot command works: one non-trivial PNG per view from the real console on the real demo cluster. */
@EnabledIfSystemProperty(named = "relaymq.runtime.jar", matches = ".+")
class ScreenshotToolIT {

    @Test
    void writesOneScreenshotPerView() throws Exception {
        List<Path> files = ScreenshotTool.run(Path.of("target", "screenshots"));
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("registrations.png",
                "timeline.png", "nodes.png", "routing.png", "topology.png", "charts.png");
        for (Path f : files) {
            assertThat(Files.size(f)).as(f.toString()).isGreaterThan(10_000);
        }
    }
}
