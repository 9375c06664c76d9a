package org.relaymq.protocol.body;

import java.util.List;

/** Body of REGISTER_BROKER (103): the broker's topic config and filter servers (protocol.md §4.4.1). */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper,
                                 List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }

    /**
     * Decodes either form, as the request header's {@code compressed} flag says. The requester's
     * {@code version} tells whether a compressed body may end with the 5.x static-topic section (≥ 413),
     * which is skipped. 5.x extras in the JSON form (stateVersion, attributes, mapping tables) are accepted.
     *
     * @throws org.relaymq.protocol.ProtocolException (SYSTEM_ERROR) for an unparseable body
     */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed, int requesterVersion) {
        if (compressed) {
            return RegisterBrokerBodyCompressedCodec.decode(body, requesterVersion);
        }
        return ProtocolJson.decode(body, RegisterBrokerBody.class);
    }

    /** The JSON form (§4.4.1) or the deflated form (§4.4.2, 4.x layout without static topics). */
    public byte[] encode(boolean compressed) {
        return compressed ? RegisterBrokerBodyCompressedCodec.encode(this) : ProtocolJson.encode(this);
    }
}
