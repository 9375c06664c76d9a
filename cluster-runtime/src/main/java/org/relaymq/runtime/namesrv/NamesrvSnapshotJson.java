package org.relaymq.runtime.namesrv;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;

/**
 * JSON form of a {@link NamesrvSnapshot} (the SUBSCRIBE_EVENTS answer body of a NameServer). Broker
 * address maps use quoted string keys ({@code "0"}), as standard JSON.
 */
public final class NamesrvSnapshotJson {

    private NamesrvSnapshotJson() {
    }

    public static JsonObject toJson(NamesrvSnapshot s) {
        JsonObject o = new JsonObject();
        o.addProperty("takenAt", s.takenAtWallMillis());
        o.addProperty("eventSeq", s.eventSeq());
        o.addProperty("profile", s.profile());
        o.addProperty("scanIntervalMs", s.scanIntervalMillis());
        o.addProperty("brokerExpiryMs", s.brokerExpiryMillis());
        o.addProperty("lastScan", s.lastScanWallMillis());
        JsonArray brokers = new JsonArray();
        s.brokers().forEach(b -> brokers.add(broker(b)));
        o.add("brokers", brokers);
        o.add("clusterAddrTable", clusters(s.clusterInfo().clusterAddrTable()));
        JsonObject brokerTable = new JsonObject();
        s.clusterInfo().brokerAddrTable().forEach((name, b) -> brokerTable.add(name, brokerData(b)));
        o.add("brokerAddrTable", brokerTable);
        JsonObject routes = new JsonObject();
        s.routes().forEach((topic, r) -> routes.add(topic, route(r)));
        o.add("routes", routes);
        return o;
    }

    private static JsonObject broker(BrokerView b) {
        JsonObject o = new JsonObject();
        o.addProperty("cluster", b.cluster());
        o.addProperty("brokerName", b.brokerName());
        o.addProperty("brokerId", b.brokerId());
        o.addProperty("brokerAddr", b.brokerAddr());
        o.addProperty("haServerAddr", b.haServerAddr());
        o.addProperty("firstRegistration", b.firstRegistrationWallMillis());
        o.addProperty("lastRegistration", b.lastRegistrationWallMillis());
        o.addProperty("expiryDeadline", b.expiryDeadlineWallMillis());
        o.addProperty("idleMs", b.idleMillis());
        o.addProperty("refreshCount", b.refreshCount());
        o.addProperty("via", b.lastRefreshVia());
        o.add("dataVersion", NamesrvEvents.version(b.dataVersion()));
        o.addProperty("status", b.status());
        return o;
    }

    private static JsonObject clusters(Map<String, Set<String>> table) {
        JsonObject o = new JsonObject();
        table.forEach((cluster, names) -> o.add(cluster, NamesrvEvents.strings(names.stream().sorted().toList())));
        return o;
    }

    private static JsonObject brokerData(BrokerData b) {
        JsonObject o = new JsonObject();
        o.addProperty("cluster", b.cluster());
        o.addProperty("brokerName", b.brokerName());
        JsonObject addrs = new JsonObject();
        b.brokerAddrs().forEach((id, addr) -> addrs.addProperty(String.valueOf(id), addr));
        o.add("brokerAddrs", addrs);
        return o;
    }

    private static JsonObject route(TopicRouteData r) {
        JsonObject o = new JsonObject();
        JsonArray brokers = new JsonArray();
        r.brokerDatas().forEach(b -> brokers.add(brokerData(b)));
        JsonArray queues = new JsonArray();
        for (QueueData q : r.queueDatas()) {
            JsonObject qo = new JsonObject();
            qo.addProperty("brokerName", q.brokerName());
            qo.addProperty("readQueueNums", q.readQueueNums());
            qo.addProperty("writeQueueNums", q.writeQueueNums());
            qo.addProperty("perm", q.perm());
            qo.addProperty("topicSysFlag", q.topicSysFlag());
            queues.add(qo);
        }
        o.add("brokerDatas", brokers);
        o.add("queueDatas", queues);
        return o;
    }
}
