package org.relaymq.runtime.broker;

import java.util.Objects;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.runtime.broker.handler.ClientChannelFactory;
import org.relaymq.runtime.broker.handler.GetAllConsumerOffsetHandler;
import org.relaymq.runtime.broker.handler.GetAllDelayOffsetHandler;
import org.relaymq.runtime.broker.handler.GetAllSubscriptionGroupHandler;
import org.relaymq.runtime.broker.handler.GetAllTopicConfigHandler;
import org.relaymq.runtime.broker.handler.GetConsumerConnectionListHandler;
import org.relaymq.runtime.broker.handler.GetConsumerListByGroupHandler;
import org.relaymq.runtime.broker.handler.GetProducerConnectionListHandler;
import org.relaymq.runtime.broker.handler.HeartbeatHandler;
import org.relaymq.runtime.broker.handler.LockBatchMqHandler;
import org.relaymq.runtime.broker.handler.QueryConsumerOffsetHandler;
import org.relaymq.runtime.broker.handler.QueueHeadProbe;
import org.relaymq.runtime.broker.handler.UnlockBatchMqHandler;
import org.relaymq.runtime.broker.handler.UnregisterClientHandler;
import org.relaymq.runtime.broker.handler.UpdateAndCreateSubscriptionGroupHandler;
import org.relaymq.runtime.broker.handler.UpdateAndCreateTopicHandler;
import org.relaymq.runtime.broker.handler.UpdateConsumerOffsetHandler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.HandlerTable;

/** The broker core's handler table entries: one handler per request code, on the pool of its kind. */
final class BrokerCoreHandlers {

    private final BrokerCore core;
    private final ClientChannelFactory channels;
    private final TimeSource time;
    private volatile QueueHeadProbe probe = QueueHeadProbe.NEVER;

    BrokerCoreHandlers(BrokerCore core, ClientChannelFactory channels, TimeSource time) {
        this.core = Objects.requireNonNull(core, "core");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.time = Objects.requireNonNull(time, "time");
    }

    void queueHeadProbe(QueueHeadProbe newProbe) {
        probe = Objects.requireNonNull(newProbe, "probe");
    }

    void registerOn(HandlerTable t) {
        BrokerCore.Executors ex = core.executors();
        t.register(RequestCode.HEART_BEAT, new HeartbeatHandler(core.topics(), core.subscriptionGroups(),
                core.consumers(), core.producers(), channels, time), ex.clientManage());
        t.register(RequestCode.UNREGISTER_CLIENT, new UnregisterClientHandler(core.consumers(), core.producers()),
                ex.clientManage());
        t.register(RequestCode.GET_CONSUMER_LIST_BY_GROUP, new GetConsumerListByGroupHandler(core.consumers()),
                ex.consumerManage());
        t.register(RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetHandler(core.consumerOffsets()),
                ex.consumerManage());
        t.register(RequestCode.QUERY_CONSUMER_OFFSET, new QueryConsumerOffsetHandler(core.consumerOffsets(),
                (topic, queueId) -> probe.startsAtZero(topic, queueId)), ex.consumerManage());
        t.register(RequestCode.LOCK_BATCH_MQ, new LockBatchMqHandler(core.locks(), time), ex.consumerManage());
        t.register(RequestCode.UNLOCK_BATCH_MQ, new UnlockBatchMqHandler(core.locks()), ex.consumerManage());
        registerAdmin(t, ex);
    }

    private void registerAdmin(HandlerTable t, BrokerCore.Executors ex) {
        t.register(RequestCode.UPDATE_AND_CREATE_TOPIC, new UpdateAndCreateTopicHandler(core.config(), core.topics()),
                ex.admin());
        t.register(RequestCode.GET_ALL_TOPIC_CONFIG, new GetAllTopicConfigHandler(core.topics()), ex.admin());
        t.register(RequestCode.GET_ALL_CONSUMER_OFFSET, new GetAllConsumerOffsetHandler(core.consumerOffsets()),
                ex.admin());
        t.register(RequestCode.GET_ALL_DELAY_OFFSET, new GetAllDelayOffsetHandler(core.delayOffsets()), ex.admin());
        t.register(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
                new UpdateAndCreateSubscriptionGroupHandler(core.config(), core.subscriptionGroups()), ex.admin());
        t.register(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                new GetAllSubscriptionGroupHandler(core.subscriptionGroups()), ex.admin());
        t.register(RequestCode.GET_CONSUMER_CONNECTION_LIST,
                new GetConsumerConnectionListHandler(core.consumers()), ex.admin());
        t.register(RequestCode.GET_PRODUCER_CONNECTION_LIST,
                new GetProducerConnectionListHandler(core.producers()), ex.admin());
    }
}
