package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 224 GET_TOPICS_BY_CLUSTER request.
 */
public record GetTopicsByClusterRequestHeader(String cluster) {

    public GetTopicsByClusterRequestHeader {
        ExtFields.require(cluster, "cluster");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("cluster", cluster)
                .build();
    }

    public static GetTopicsByClusterRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetTopicsByClusterRequestHeader(
                r.requiredString("cluster"));
    }
}
