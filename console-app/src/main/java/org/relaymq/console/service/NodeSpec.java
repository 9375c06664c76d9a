package org.relaymq.console.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One node the supervisor may run: {@code java -jar relaymq-runtime.jar <command> <args> --port <p>}.
 *
 * @param id      stable name shown in the console, e.g. {@code namesrv-1}, {@code broker-a-master}
 * @param role    namesrv, broker, producer or consumer
 * @param command the runtime subcommand (namesrv, broker, produce, consume)
 * @param args    arguments after the subcommand, without {@code --port} (the supervisor adds it)
 * @param workDir working directory of the process (its data lives below), or null for the console's
 */
public record NodeSpec(String id, String role, String command, List<String> args, Path workDir) {

    public NodeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
    }
}
