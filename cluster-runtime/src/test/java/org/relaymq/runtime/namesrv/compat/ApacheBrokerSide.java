package org.relaymq.runtime.namesrv.compat;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.broker.out.BrokerOuterAPI;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.namesrv.RegisterBrokerResult;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;

/**
 * One Apache 4.9.7 broker's NameServer-facing side: the official {@link BrokerOuterAPI} pointed at a
 * single NameServer, registering as one broker identity. Closing it shuts its connection down
 * without unregistering (what a crashed broker looks like to the NameServer).
 */
final class ApacheBrokerSide implements AutoCloseable {

    static final String CLUSTER = "CompatCluster";
    static final int TIMEOUT_MILLIS = 3_000;

    private final BrokerOuterAPI api;
    private final String brokerName;
    private final String brokerAddr;
    private final String haServerAddr;
    private final long brokerId;
    private boolean closed;

    private ApacheBrokerSide(String namesrvAddr, String brokerName, long brokerId, String brokerAddr,
                             String haServerAddr) {
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.brokerAddr = brokerAddr;
        this.haServerAddr = haServerAddr;
        this.api = new BrokerOuterAPI(new NettyClientConfig());
        api.updateNameServerAddressList(namesrvAddr);
        api.start();
    }

    /** A broker identity; the addresses are never dialled, only registered. */
    static ApacheBrokerSide start(String namesrvAddr, String brokerName, long brokerId, int port) {
        return new ApacheBrokerSide(namesrvAddr, brokerName, brokerId, "127.0.0.1:" + port,
                "127.0.0.1:" + (port + 1));
    }

    String brokerAddr() {
        return brokerAddr;
    }

    String haServerAddr() {
        return haServerAddr;
    }

    /** REGISTER_BROKER exactly as a 4.9.7 broker sends it (sync); one result per NameServer that answered. */
    List<RegisterBrokerResult> register(TopicConfigSerializeWrapper topics, boolean compressed) {
        return register(topics, List.of(), compressed);
    }

    List<RegisterBrokerResult> register(TopicConfigSerializeWrapper topics, List<String> filterServers,
                                        boolean compressed) {
        return api.registerBrokerAll(CLUSTER, brokerAddr, brokerName, brokerId, haServerAddr, topics,
                filterServers, false, TIMEOUT_MILLIS, compressed);
    }

    /** QUERY_DATA_VERSION as a broker with {@code forceRegister=false} sends it. */
    List<Boolean> needRegister(TopicConfigSerializeWrapper topics) {
        return api.needRegister(CLUSTER, brokerAddr, brokerName, brokerId, topics, TIMEOUT_MILLIS);
    }

    /** UNREGISTER_BROKER as a broker sends it at shutdown (sync; Apache logs and swallows failures). */
    void unregister() {
        api.unregisterBrokerAll(CLUSTER, brokerAddr, brokerName, brokerId);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.shutdown();
        }
    }

    /** A topic config table the way a broker's TopicConfigManager serialises it. */
    static TopicConfigSerializeWrapper topics(DataVersion version, TopicConfig... configs) {
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        for (TopicConfig c : configs) {
            table.put(c.getTopicName(), c);
        }
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        wrapper.setDataVersion(version);
        return wrapper;
    }

    static TopicConfig topic(String name, int readQueues, int writeQueues, int perm, int sysFlag) {
        TopicConfig c = new TopicConfig(name, readQueues, writeQueues, perm);
        c.setTopicSysFlag(sysFlag);
        return c;
    }

    static DataVersion freshVersion() {
        DataVersion v = new DataVersion();
        v.nextVersion();
        return v;
    }
}
