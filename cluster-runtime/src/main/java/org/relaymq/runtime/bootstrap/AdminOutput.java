package org.relaymq.runtime.bootstrap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.ConsumeStats;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.OffsetWrapper;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.message.StoredMessage;

/** How the {@code admin} subcommands print: aligned plain text for people, or {@code --json}. */
final class AdminOutput {

    private static final int BODY_PREVIEW = 80;

    private final PrintWriter out;
    private final boolean json;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    AdminOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** One cluster per block, one broker per line with its addresses by id. */
    void cluster(ClusterInfo info) {
        Map<String, Object> byCluster = new TreeMap<>();
        info.clusterAddrTable().forEach((cluster, names) -> {
            Map<String, Map<Long, String>> brokers = new TreeMap<>();
            new TreeSet<>(names).forEach(n -> brokers.put(n, addrs(info.brokerAddrTable().get(n))));
            byCluster.put(cluster, brokers);
        });
        if (json) {
            print(byCluster);
            return;
        }
        if (byCluster.isEmpty()) {
            out.println("no brokers registered");
        }
        byCluster.forEach((cluster, brokers) -> {
            out.println("cluster " + cluster);
            ((Map<?, ?>) brokers).forEach((name, addrs) -> out.printf("  %-20s %s%n", name, idList((Map<?, ?>) addrs)));
        });
        out.flush();
    }

    void route(String topic, TopicRouteData route) {
        if (json) {
            print(Map.of("topic", topic, "queueDatas", route.queueDatas(), "brokerDatas", route.brokerDatas()));
            return;
        }
        out.println("topic " + topic);
        Map<String, BrokerData> brokers = route.brokerDatas().stream()
                .collect(Collectors.toMap(BrokerData::brokerName, b -> b, (a, b) -> a, TreeMap::new));
        for (QueueData q : route.queueDatas()) {
            BrokerData b = brokers.get(q.brokerName());
            out.printf("  %-20s read=%d write=%d perm=%s  %s%n", q.brokerName(), q.readQueueNums(),
                    q.writeQueueNums(), PermName.describe(q.perm()), b == null ? "(no addresses)" : idList(addrs(b)));
        }
        out.flush();
    }

    void messages(List<StoredMessage> messages) {
        if (json) {
            print(messages.stream().map(AdminOutput::view).toList());
            return;
        }
        if (messages.isEmpty()) {
            out.println("no message found");
        }
        for (StoredMessage m : messages) {
            Map<String, Object> v = view(m);
            out.printf("msgId=%s offsetMsgId=%s%n", v.get("msgId"), v.get("offsetMsgId"));
            out.printf("  topic=%s queueId=%s queueOffset=%s tags=%s keys=%s%n", v.get("topic"), v.get("queueId"),
                    v.get("queueOffset"), v.get("tags"), v.get("keys"));
            out.printf("  born=%s stored=%s storeHost=%s reconsumeTimes=%s%n", v.get("born"), v.get("stored"),
                    v.get("storeHost"), v.get("reconsumeTimes"));
            out.printf("  body (%s bytes): %s%n", v.get("bodySize"), v.get("bodyPreview"));
        }
        out.flush();
    }

    private static Map<String, Object> view(StoredMessage m) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("msgId", m.uniqKey() != null ? m.uniqKey() : m.offsetMsgId());
        v.put("offsetMsgId", m.offsetMsgId());
        v.put("topic", m.topic());
        v.put("queueId", m.queueId());
        v.put("queueOffset", m.queueOffset());
        v.put("tags", m.tags());
        v.put("keys", m.keys());
        v.put("born", Instant.ofEpochMilli(m.bornTimestamp()).toString());
        v.put("stored", Instant.ofEpochMilli(m.storeTimestamp()).toString());
        v.put("storeHost", m.storeHost().getAddress().getHostAddress() + ":" + m.storeHost().getPort());
        v.put("reconsumeTimes", m.reconsumeTimes());
        v.put("bodySize", m.body().length);
        String body = new String(m.body(), StandardCharsets.UTF_8);
        v.put("bodyPreview", body.length() > BODY_PREVIEW ? body.substring(0, BODY_PREVIEW) + "…" : body);
        v.put("properties", m.propertyMap());
        return v;
    }

    /** Per queue: broker offset, consumer offset, lag; then the total. */
    void consumerLag(String group, ConsumeStats stats) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> e : new TreeMap<>(stats.offsetTable()).entrySet()) {
            long lag = Math.max(0, e.getValue().brokerOffset() - e.getValue().consumerOffset());
            total += lag;
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("topic", e.getKey().topic());
            row.put("broker", e.getKey().brokerName());
            row.put("queueId", e.getKey().queueId());
            row.put("brokerOffset", e.getValue().brokerOffset());
            row.put("consumerOffset", e.getValue().consumerOffset());
            row.put("lag", lag);
            rows.add(row);
        }
        if (json) {
            print(Map.of("group", group, "totalLag", total, "queues", rows));
            return;
        }
        out.printf("%-30s %-20s %5s %14s %14s %8s%n", "TOPIC", "BROKER", "QUEUE", "BROKER_OFFSET", "CONSUMER_OFFSET",
                "LAG");
        rows.forEach(r -> out.printf("%-30s %-20s %5s %14s %14s %8s%n", r.get("topic"), r.get("broker"),
                r.get("queueId"), r.get("brokerOffset"), r.get("consumerOffset"), r.get("lag")));
        out.println("group " + group + " total lag " + total);
        out.flush();
    }

    /** A one-line outcome ("created ...") or, with --json, the same facts as an object. */
    void done(String text, Map<String, Object> facts) {
        if (json) {
            print(facts);
        } else {
            out.println(text);
            out.flush();
        }
    }

    private void print(Object value) {
        out.println(gson.toJson(value));
        out.flush();
    }

    private static Map<Long, String> addrs(BrokerData b) {
        return b == null ? Map.of() : new TreeMap<>(b.brokerAddrs());
    }

    private static String idList(Map<?, ?> addrs) {
        Set<String> parts = new java.util.LinkedHashSet<>();
        addrs.forEach((id, addr) -> parts.add((Long.valueOf(0).equals(id) ? "master" : "slave " + id) + "=" + addr));
        return String.join("  ", parts);
    }
}
