package org.relaymq.console.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link DemoClusterPlan} on a {@link NodeSupervisor}: the NameServers first, then (with their
 * addresses) brokers and clients. A node whose command the runtime does not have yet fails with the
 * runtime's own error line; the rest still start.
 */
public final class DemoCluster {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCluster.class);

    private final NodeSupervisor supervisor;
    private final DemoClusterPlan plan;

    public DemoCluster(NodeSupervisor supervisor, DemoClusterPlan plan) {
        this.supervisor = supervisor;
        this.plan = plan;
    }

    public DemoClusterPlan plan() {
        return plan;
    }

    /** Completes when every node is either running or has failed. */
    public CompletableFuture<List<NodeStatus>> start() {
        return startAll(plan.nameServers()).thenCompose(ns -> {
            List<String> addrs = ns.stream().filter(s -> s.state() == NodeState.RUNNING).map(NodeStatus::address)
                    .toList();
            try {
                return startAll(plan.brokersAndClients(addrs)).thenApply(rest -> {
                    List<NodeStatus> all = new ArrayList<>(ns);
                    all.addAll(rest);
                    return all;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CompletableFuture<List<NodeStatus>> startAll(List<NodeSpec> specs) {
        List<CompletableFuture<NodeStatus>> settled = new ArrayList<>();
        for (NodeSpec spec : specs) {
            supervisor.add(spec);
            CompletableFuture<NodeStatus> waiter = supervisor.whenSettled(spec.id());
            supervisor.start(spec.id());
            settled.add(waiter);
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
                .thenApply(v -> settled.stream().map(CompletableFuture::join).toList());
    }

    /** Stops every node, forgets them, and deletes the demo data directory. */
    public CompletableFuture<Void> reset() {
        return supervisor.stopAll().thenRun(() -> {
            supervisor.removeStopped();
            try {
                DataDirectories.deleteTree(plan.dataDir());
                LOG.info("demo data deleted: {}", plan.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + plan.dataDir() + ": " + e.getMessage(), e);
            }
        });
    }
}
