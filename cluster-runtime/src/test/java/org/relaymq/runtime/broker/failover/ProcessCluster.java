package org.relaymq.runtime.broker.failover;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.testkit.RuntimeProcess;

/**
 * Real processes of the runtime jar: one NameServer (classroom profile), broker-a as a SYNC_MASTER with its
 * SLAVE, broker-b as an ASYNC_MASTER, all serving {@link #TOPIC} with 2 queues. broker-a's master can be
 * killed (SIGKILL) and restarted on its old port and store. A plain client instance ({@link #probe()}) reads
 * broker state over the wire.
 */
final class ProcessCluster implements AutoCloseable {

    static final String TOPIC = "FailoverTopic";
    static final int QUEUES = 2;
    private static final Duration START = Duration.ofSeconds(30);

    private final Path root;
    private final List<RuntimeProcess> processes = new ArrayList<>();
    private final Path conf;
    private RuntimeProcess namesrv;
    private RuntimeProcess masterA;
    private RuntimeProcess slaveA;
    private RuntimeProcess brokerB;
    private ClientInstance probe;

    ProcessCluster(Path root) throws IOException {
        this.root = root;
        this.conf = root.resolve("broker.conf");
        // small segments; offsets written every second so a SIGKILL loses at most one second of them; a send-queue
        // limit well above the 200 ms default, which a loaded CI machine can exceed (the official client does
        // not retry the SYSTEM_BUSY it gets then, and the test counts every failure reaching the application)
        Files.writeString(conf, "mappedFileSizeCommitLog=67108864\nflushConsumerOffsetInterval=1000\n"
                + "waitTimeMillsInSendQueue=5000\n", StandardCharsets.UTF_8);
    }

    ProcessCluster start() throws Exception {
        namesrv = track(RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0", "--profile",
                "classroom")).awaitReady(START);
        masterA = track(broker("broker-a", "SYNC_MASTER", 0, "a-master", 0));
        slaveA = track(broker("broker-a", "SLAVE", 1, "a-slave", 0));
        brokerB = track(broker("broker-b", "ASYNC_MASTER", 0, "b-master", 0));
        masterA.awaitReady(START);
        slaveA.awaitReady(START);
        brokerB.awaitReady(START);
        probe = ClientInstance.create(FailoverKit.clientConfig(namesrvAddr()));
        return this;
    }

    private RuntimeProcess broker(String name, String role, int id, String store, int port) throws IOException {
        List<String> args = new ArrayList<>(List.of("broker", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--namesrv", namesrvAddr(), "--store", root.resolve(store).toString(), "--profile", "classroom",
                "--name", name, "--role", role, "--id", Integer.toString(id), "--config", conf.toString()));
        if (id == 0) {
            args.addAll(List.of("--topic", TOPIC + ":" + QUEUES));
        }
        return RuntimeProcess.start(args.toArray(String[]::new));
    }

    private RuntimeProcess track(RuntimeProcess p) {
        processes.add(p);
        return p;
    }

    String namesrvAddr() {
        return namesrv.address();
    }

    String masterAddr() {
        return masterA.address();
    }

    String slaveAddr() {
        return slaveA.address();
    }

    ClientInstance probe() {
        return probe;
    }

    /** SIGKILL broker-a's master and wait for it to be gone. */
    void killMaster() throws InterruptedException {
        masterA.kill();
        masterA.awaitExit(Duration.ofSeconds(10));
    }

    /** broker-a's master again, on the port and store it had. */
    void restartMaster() throws Exception {
        masterA = track(broker("broker-a", "SYNC_MASTER", 0, "a-master", masterA.port())).awaitReady(START);
    }

    /** Whether broker {@code addr} has the topic in its topic table (a slave gets it by metadata sync). */
    boolean knowsTopic(String addr) {
        try {
            byte[] body = probe.calls().call(addr, RequestCode.GET_ALL_TOPIC_CONFIG, null, null).body();
            return new String(body, StandardCharsets.UTF_8).contains("\"" + TOPIC + "\"");
        } catch (ClientException e) {
            return false;
        }
    }

    /** Messages the broker's store handed out to pulls since it started (GET_BROKER_RUNTIME_INFO). */
    long messagesServed(String addr) throws ClientException {
        byte[] body = probe.calls().call(addr, RequestCode.GET_BROKER_RUNTIME_INFO, null, null).body();
        JsonObject table = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("table");
        return Long.parseLong(table.get("msgGetTotalTodayNow").getAsString());
    }

    long maxOffset(String addr, int queueId) throws ClientException {
        return probe.calls().maxOffset(addr, new MessageQueue("broker-a", queueId, TOPIC));
    }

    long committedOffset(String addr, String group, int queueId) throws ClientException {
        return probe.calls().queryConsumerOffset(addr, group, new MessageQueue("broker-a", queueId, TOPIC));
    }

    @Override
    public void close() throws Exception {
        if (probe != null) {
            probe.close();
        }
        Path logs = Files.createDirectories(Path.of("target", "failover-logs"));
        for (int i = processes.size() - 1; i >= 0; i--) {
            RuntimeProcess p = processes.get(i);
            p.close();
            Files.write(logs.resolve(root.getFileName() + "-" + i + "-" + p.pid() + ".log"), p.stderr());
        }
    }
}
