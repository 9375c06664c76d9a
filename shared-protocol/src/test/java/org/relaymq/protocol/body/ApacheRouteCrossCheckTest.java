package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson.serializer.SerializerFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;

/** Route-side bodies against Apache RocketMQ 4.9.8's own classes and fastjson, in both directions. */
class ApacheRouteCrossCheckTest {

    static RegisterBrokerBody registerBody() {
        TopicConfig ordered = new TopicConfig("Ordered", 2, 2, 6, TopicFilterType.MULTI_TAG, 3, true);
        Map<String, TopicConfig> topics = Map.of("TopicTest", TopicConfig.of("TopicTest", 4, 6),
                "TBW102", TopicConfig.of("TBW102", 8, 7), "Ordered", ordered);
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, new DataVersion(1700000000000L, 3)),
                List.of("10.0.0.1:8000"));
    }

    /** What survives the compressed form: topicSysFlag and order are not carried (§4.4.2). */
    static RegisterBrokerBody withoutFlags(RegisterBrokerBody body) {
        Map<String, TopicConfig> topics = new java.util.LinkedHashMap<>();
        body.topicConfigSerializeWrapper().topicConfigTable().forEach((name, t) -> topics.put(name,
                new TopicConfig(name, t.readQueueNums(), t.writeQueueNums(), t.perm(), t.topicFilterType(), 0, false)));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics,
                body.topicConfigSerializeWrapper().dataVersion()), body.filterServerList());
    }

    @Test
    void registerBrokerBodyJsonFormBothWays() throws Exception {
        byte[] apacheBytes = ApacheRouteModels.apache(registerBody()).encode(false);
        assertThat(RegisterBrokerBody.decode(apacheBytes, false, 409)).isEqualTo(registerBody());
        var apacheDecoded = org.apache.rocketmq.common.protocol.body.RegisterBrokerBody
                .decode(registerBody().encode(false), false);
        assertThat(ApacheRouteModels.ours(apacheDecoded)).isEqualTo(registerBody());
    }

    @Test
    void registerBrokerBodyCompressedFormBothWays() throws Exception {
        byte[] apacheBytes = ApacheRouteModels.apache(registerBody()).encode(true);
        assertThat(RegisterBrokerBody.decode(apacheBytes, true, 409)).isEqualTo(withoutFlags(registerBody()));
        var apacheDecoded = org.apache.rocketmq.common.protocol.body.RegisterBrokerBody
                .decode(registerBody().encode(true), true);
        assertThat(ApacheRouteModels.ours(apacheDecoded)).isEqualTo(withoutFlags(registerBody()));
    }

    @Test
    void registerBrokerBodyJsonIsByteIdenticalToFastjsonForOneTopic() {
        RegisterBrokerBody single = new RegisterBrokerBody(new TopicConfigSerializeWrapper(
                Map.of("TopicTest", TopicConfig.of("TopicTest", 4, 6)), new DataVersion(1700000000000L, 3)),
                List.of());
        assertThat(Fixtures.utf8(single.encode(false)))
                .isEqualTo(Fixtures.utf8(ApacheRouteModels.apache(single).encode(false)));
    }

    static TopicRouteData route() {
        BrokerData b = new BrokerData("DefaultCluster", "broker-b", Map.of(0L, "10.0.0.2:10911"));
        return new TopicRouteData("broker-a:4;broker-b:4",
                List.of(new QueueData("broker-a", 4, 4, 6, 0), new QueueData("broker-b", 8, 8, 2, 1)),
                List.of(RouteSamples.brokerA(), b), Map.of("10.0.0.2:10911", List.of("10.0.0.9:1")));
    }

    @Test
    void topicRouteDataFromApacheInBothKeyStyles() {
        var apache = ApacheRouteModels.apache(route());
        byte[] fastjsonDefault = apache.encode();
        byte[] standard = apache.encode(SerializerFeature.BrowserCompatible, SerializerFeature.QuoteFieldNames,
                SerializerFeature.SkipTransientField, SerializerFeature.MapSortField);
        assertThat(Fixtures.utf8(fastjsonDefault)).contains("{0:\"192.168.0.10:10911\"");
        assertThat(Fixtures.utf8(standard)).contains("{\"0\":\"192.168.0.10:10911\"");
        assertThat(TopicRouteData.decode(fastjsonDefault)).isEqualTo(route());
        assertThat(TopicRouteData.decode(standard)).isEqualTo(route());
    }

    @Test
    void topicRouteDataToApacheInBothKeyStyles() {
        for (boolean standard : new boolean[] {true, false}) {
            byte[] ours = route().encode(standard);
            var decoded = RemotingSerializable.decode(ours,
                    org.apache.rocketmq.common.protocol.route.TopicRouteData.class);
            assertThat(ApacheRouteModels.ours(decoded)).isEqualTo(route());
            assertThat(decoded).isEqualTo(ApacheRouteModels.apache(route()));
        }
    }

    @Test
    void oldPeersTopicSynFlagIsRead() {
        TopicRouteData old = TopicRouteData.decode(Fixtures.bytes("topic-route-old-peer.json"));
        assertThat(old.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 3));
        assertThat(old.orderTopicConf()).isEqualTo("broker-a:4");
        assertThat(old.brokerDatas()).containsExactly(RouteSamples.brokerA());
    }

    static ClusterInfo clusterInfo() {
        BrokerData b = new BrokerData("C2", "broker-b", Map.of(0L, "10.0.0.2:10911", 2L, "10.0.0.3:10911"));
        return new ClusterInfo(Map.of("broker-a", RouteSamples.brokerA(), "broker-b", b),
                Map.of("DefaultCluster", Set.of("broker-a"), "C2", Set.of("broker-b")));
    }

    @Test
    void clusterInfoBothWays() {
        byte[] apacheBytes = ApacheRouteModels.apache(clusterInfo()).encode();
        assertThat(Fixtures.utf8(apacheBytes)).contains("{0:\"");
        assertThat(ClusterInfo.decode(apacheBytes)).isEqualTo(clusterInfo());
        byte[] ours = clusterInfo().encode();
        assertThat(Fixtures.utf8(ours)).contains("{0:\"");
        var decoded = RemotingSerializable.decode(ours, org.apache.rocketmq.common.protocol.body.ClusterInfo.class);
        assertThat(ApacheRouteModels.ours(decoded)).isEqualTo(clusterInfo());
    }

    @Test
    void dataVersionAndTopicConfigWrapperBothWays() {
        DataVersion version = new DataVersion(1700000000000L, 42);
        assertThat(DataVersion.decode(ApacheRouteModels.apache(version).encode())).isEqualTo(version);
        var decoded = RemotingSerializable.decode(version.encode(), org.apache.rocketmq.common.DataVersion.class);
        assertThat(ApacheRouteModels.ours(decoded)).isEqualTo(version);
        TopicConfigSerializeWrapper wrapper = registerBody().topicConfigSerializeWrapper();
        var apacheWrapper = ApacheRouteModels.apache(registerBody()).getTopicConfigSerializeWrapper();
        assertThat(TopicConfigSerializeWrapper.decode(apacheWrapper.encode())).isEqualTo(wrapper);
    }
}
