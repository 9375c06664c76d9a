package org.relaymq.runtime.namesrv;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;

/** Builds REGISTER_BROKER requests for tests. */
final class Registrations {

    static final String CLUSTER = "DefaultCluster";

    private Registrations() {
    }

    static TopicConfig topic(String name, int queues) {
        return TopicConfig.of(name, queues, PermName.READ_WRITE);
    }

    static RegisterRequest broker(String name, long id, String addr, DataVersion version, TopicConfig... topics) {
        return broker(CLUSTER, name, id, addr, version, topics);
    }

    static RegisterRequest broker(String cluster, String name, long id, String addr, DataVersion version,
                                  TopicConfig... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        Arrays.stream(topics).forEach(t -> table.put(t.topicName(), t));
        return new RegisterRequest(cluster, addr, name, id, ha(addr), "ch-" + addr,
                new TopicConfigSerializeWrapper(table, version), List.of());
    }

    static String ha(String addr) {
        return addr.replace(":10911", ":10912");
    }
}
