package org.relaymq.runtime.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.RegisterBrokerBody;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.RegisterBrokerRequestHeader;
import org.relaymq.protocol.header.RegisterBrokerResponseHeader;
import org.relaymq.protocol.header.UnregisterBrokerRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;

/**
 * Speaks the broker side of REGISTER_BROKER / UNREGISTER_BROKER over a real connection, so
 * NameServer tests can play a broker before (and besides) the real one. Its connection to a
 * NameServer can be closed to exercise the "disconnected" path.
 */
public final class WireBrokerRegistrar implements AutoCloseable {

    private final String cluster;
    private final String brokerName;
    private final long brokerId;
    private final String brokerAddr;
    private final String haAddr;
    private final Map<String, TopicConfig> topics = new LinkedHashMap<>();
    private DataVersion version = new DataVersion(1_700_000_000_000L, 1);
    private final ExecutorScheduler scheduler = new ExecutorScheduler("wire-broker-timer", 1);
    private final NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults(), scheduler,
            TimeSource.system());

    public WireBrokerRegistrar(String cluster, String brokerName, long brokerId, String brokerAddr) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.brokerAddr = brokerAddr;
        this.haAddr = brokerAddr.substring(0, brokerAddr.lastIndexOf(':') + 1)
                + (Integer.parseInt(brokerAddr.substring(brokerAddr.lastIndexOf(':') + 1)) + 1);
    }

    public WireBrokerRegistrar topic(String topic, int queues) {
        topics.put(topic, TopicConfig.of(topic, queues, PermName.READ_WRITE));
        version = version.next(version.timestamp() + 1);
        return this;
    }

    public String brokerAddr() {
        return brokerAddr;
    }

    public String haAddr() {
        return haAddr;
    }

    /** Registers (or heartbeats) with one NameServer; returns its answer header. */
    public RegisterBrokerResponseHeader register(String namesrvAddr) throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, version), List.of());
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader(brokerName, brokerAddr, cluster, haAddr,
                brokerId, false, 0, null, null);
        RemotingCommand answer = client.invokeSync(namesrvAddr,
                RemotingCommand.request(RequestCode.REGISTER_BROKER, h.toExt(), body.encode(false)), 3000);
        if (answer.code() != 0) {
            throw new IllegalStateException("register failed: " + answer.code() + " " + answer.remark());
        }
        return RegisterBrokerResponseHeader.fromExt(answer.ext());
    }

    public void unregister(String namesrvAddr) throws Exception {
        UnregisterBrokerRequestHeader h = new UnregisterBrokerRequestHeader(brokerName, brokerAddr, cluster, brokerId);
        RemotingCommand answer = client.invokeSync(namesrvAddr,
                RemotingCommand.request(RequestCode.UNREGISTER_BROKER, h.toExt()), 3000);
        if (answer.code() != 0) {
            throw new IllegalStateException("unregister failed: " + answer.code() + " " + answer.remark());
        }
    }

    /** Drops the connection to one NameServer without saying goodbye. */
    public void disconnect(String namesrvAddr) {
        client.closeChannel(namesrvAddr);
    }

    public NettyRemotingClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        scheduler.close();
    }
}
