package org.relaymq.console.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo cluster (ARCHITECTURE §6, classroom profile): two NameServers; broker-a and broker-b, each
 * a master with a slave; topic DemoTopic; a producer at a modest rate; a consumer group of two. Every
 * node listens on loopback, on a free port, with its data under {@code dataDir}.
 */
public final class DemoClusterPlan {

    public static final String CLUSTER = "DemoCluster";
    public static final String TOPIC = "DemoTopic";
    public static final String GROUP = "DemoGroup";

    private final Path dataDir;
    private final String profile;
    private final List<String> namesrvExtraArgs;

    public DemoClusterPlan(Path dataDir, String profile, List<String> namesrvExtraArgs) {
        this.dataDir = dataDir;
        this.profile = profile;
        this.namesrvExtraArgs = List.copyOf(namesrvExtraArgs);
    }

    public static DemoClusterPlan classroom(Path dataDir) {
        return new DemoClusterPlan(dataDir, "classroom", List.of());
    }

    public Path dataDir() {
        return dataDir;
    }

    public String profile() {
        return profile;
    }

    /** Commit-log segments of the demo brokers: 64 MiB keeps the demo light on disk everywhere. */
    static final int DEMO_SEGMENT_BYTES = 64 * 1024 * 1024;

    /** Started first: everything else needs their addresses. */
    public List<NodeSpec> nameServers() {
        List<NodeSpec> out = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--profile", profile));
            args.addAll(namesrvExtraArgs);
            out.add(new NodeSpec("namesrv-" + i, "namesrv", "namesrv", args, dataDir.resolve("namesrv-" + i)));
        }
        return out;
    }

    /** Brokers and clients, given the NameServers' addresses. Writes each broker's broker.conf. */
    public List<NodeSpec> brokersAndClients(List<String> namesrvAddrs) throws IOException {
        String ns = String.join(";", namesrvAddrs);
        List<NodeSpec> out = new ArrayList<>();
        for (String group : List.of("broker-a", "broker-b")) {
            out.add(broker(group, 0, "ASYNC_MASTER", ns));
            out.add(broker(group, 1, "SLAVE", ns));
        }
        out.add(client("producer-1", "producer", "produce", ns, List.of("--topic", TOPIC, "--rate", "2")));
        for (int i = 1; i <= 2; i++) {
            out.add(client("consumer-" + i, "consumer", "consume", ns, List.of("--topic", TOPIC, "--group", GROUP)));
        }
        return out;
    }

    private NodeSpec broker(String group, int id, String role, String ns) throws IOException {
        String nodeId = group + (id == 0 ? "-master" : "-slave");
        Path dir = dataDir.resolve(nodeId);
        Files.createDirectories(dir);
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, String.join("\n",
                "brokerClusterName=" + CLUSTER,
                "brokerName=" + group,
                "brokerId=" + id,
                "namesrvAddr=" + ns,
                "brokerRole=" + role,
                "flushDiskType=ASYNC_FLUSH",
                "storePathRootDir=" + dir.resolve("store"),
                "autoCreateTopicEnable=true",
                "mappedFileSizeCommitLog=" + DEMO_SEGMENT_BYTES,
                "") , StandardCharsets.UTF_8);
        return new NodeSpec(nodeId, "broker", "broker", List.of("--config", conf.toString(), "--host", "127.0.0.1",
                "--profile", profile, "--topic", TOPIC + ":4"), dir);
    }

    private NodeSpec client(String id, String role, String command, String ns, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--namesrv", ns, "--host", "127.0.0.1", "--profile", profile));
        args.addAll(extra);
        return new NodeSpec(id, role, command, args, dataDir.resolve(id));
    }
}
