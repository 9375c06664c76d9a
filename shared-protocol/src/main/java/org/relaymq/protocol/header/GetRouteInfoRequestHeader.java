package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 105 GET_ROUTEINFO_BY_TOPIC request; {@code acceptStandardJsonOnly} (4.9.4+) is optional.
 */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) {

    public GetRouteInfoRequestHeader {
        ExtFields.require(topic, "topic");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("acceptStandardJsonOnly", acceptStandardJsonOnly)
                .build();
    }

    public static GetRouteInfoRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetRouteInfoRequestHeader(
                r.requiredString("topic"),
                r.optionalBoolean("acceptStandardJsonOnly"));
    }
}
