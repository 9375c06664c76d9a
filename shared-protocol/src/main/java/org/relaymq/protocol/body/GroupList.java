package org.relaymq.protocol.body;

import java.util.Set;

/** Group names ({@code {"groupList":["g1"]}}). */
public record GroupList(Set<String> groupList) {

    public GroupList {
        groupList = Copies.set(groupList);
    }

    public static GroupList decode(byte[] body) {
        return ProtocolJson.decode(body, GroupList.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
