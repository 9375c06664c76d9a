package org.relaymq.protocol.body;

import java.util.List;

/** GET_CONSUMER_LIST_BY_GROUP (38) response body: the client ids of a group. */
public record GetConsumerListByGroupResponseBody(List<String> consumerIdList) {

    public GetConsumerListByGroupResponseBody {
        consumerIdList = Copies.list(consumerIdList);
    }

    public static GetConsumerListByGroupResponseBody decode(byte[] body) {
        return ProtocolJson.decode(body, GetConsumerListByGroupResponseBody.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
