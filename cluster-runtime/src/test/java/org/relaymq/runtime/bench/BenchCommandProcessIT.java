package org.relaymq.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.runtime.testkit.RuntimeProcess;

/**
 * The runtime jar's {@code bench} command against a real NameServer and broker: every send mode reports
 * what it sent with no failure, and consume reports what it consumed — and says so when the backlog ran
 * out inside the window. Checks what is printed, never how fast (speed belongs to the benchmarks).
 */
class BenchCommandProcessIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Pattern PRODUCED = Pattern.compile(
            "produce (SYNC|ASYNC|ONEWAY) threads=2 size=64B: [\\d,]+ msg/s \\((\\d+) sent, (\\d+) failed in [\\d.]+ s\\)");
    private static final Pattern CONSUMED = Pattern.compile("consume: [\\d,]+ msg/s \\((\\d+) in [\\d.]+ s\\)(.*)");

    @Test
    void producesInEveryModeAndConsumesWhatWasSent(@TempDir Path dir) throws Exception {
        try (RuntimeProcess ns = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0", "--profile",
                "classroom").awaitReady(START);
             RuntimeProcess broker = RuntimeProcess.start("broker", "--host", "127.0.0.1", "--port", "0", "--namesrv",
                     ns.address(), "--store", dir.toString(), "--profile", "classroom", "--topic", "BenchIT:4",
                     "--topic", "BenchSync:4")
                     .awaitReady(START)) {
            for (String mode : List.of("sync", "async", "oneway")) {
                // the consume run below reads the sync sends only: a backlog small enough to run out in its window
                String topic = mode.equals("sync") ? "BenchSync" : "BenchIT";
                String line = run("bench", "produce", "--namesrv", ns.address(), "--topic", topic, "--mode", mode,
                        "--threads", "2", "--size", "64", "--seconds", "1", "--warmup", "0");
                Matcher m = PRODUCED.matcher(line);
                assertThat(m.find()).as("%s output: %s", mode, line).isTrue();
                assertThat(m.group(1)).isEqualTo(mode.toUpperCase());
                assertThat(Long.parseLong(m.group(2))).as("%s sent", mode).isPositive();
                assertThat(m.group(3)).as("%s failed", mode).isEqualTo("0");
            }
            String line = run("bench", "consume", "--namesrv", ns.address(), "--topic", "BenchSync", "--seconds", "6",
                    "--warmup", "0");
            Matcher m = CONSUMED.matcher(line);
            assertThat(m.find()).as("consume output: %s", line).isTrue();
            assertThat(Long.parseLong(m.group(1))).as("consumed").isPositive();
            assertThat(m.group(2)).as("a backlog of one second of sync sends runs out within the window")
                    .contains("the backlog ran out");
        }
    }

    private static String run(String... args) throws Exception {
        try (RuntimeProcess p = RuntimeProcess.start(args)) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as("exit code of %s; stderr %s", List.of(args), p.stderr())
                    .isZero();
            return String.join("\n", p.stdout());
        }
    }
}
