package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 204 GET_PRODUCER_CONNECTION_LIST request.
 */
public record GetProducerConnectionListRequestHeader(String producerGroup) {

    public GetProducerConnectionListRequestHeader {
        ExtFields.require(producerGroup, "producerGroup");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("producerGroup", producerGroup)
                .build();
    }

    public static GetProducerConnectionListRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetProducerConnectionListRequestHeader(
                r.requiredString("producerGroup"));
    }
}
