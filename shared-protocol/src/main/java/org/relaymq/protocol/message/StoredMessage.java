package org.relaymq.protocol.message;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One stored message record (protocol.md §5.1), as the commit log holds it and pull/query bodies carry
 * it. TOTALSIZE and MAGICCODE are derived by {@link StoredMessageCodec}; the IPv6 host bits of
 * {@code sysFlag} always follow the host addresses. The body array is not copied (the store's append
 * path hands it over); callers must not modify it afterwards.
 *
 * @param bodyCrc CRC32 of the body masked with 0x7FFFFFFF, as stored ({@link StoredMessageCodec#bodyCrc})
 * @param properties the raw properties string (§6.1), never null
 */
public record StoredMessage(String topic, int queueId, int flag, long queueOffset, long physicalOffset,
                            int sysFlag, long bornTimestamp, InetSocketAddress bornHost, long storeTimestamp,
                            InetSocketAddress storeHost, int reconsumeTimes, long preparedTransactionOffset,
                            int bodyCrc, byte[] body, String properties) {

    private static final byte[] NO_BODY = new byte[0];

    public StoredMessage {
        Objects.requireNonNull(topic, "topic");
        requireResolved(bornHost, "bornHost");
        requireResolved(storeHost, "storeHost");
        body = body == null ? NO_BODY : body;
        properties = properties == null ? "" : properties;
        sysFlag = SysFlag.withHostFlags(sysFlag, isV6(bornHost), isV6(storeHost));
    }

    public static StoredMessageBuilder builder() {
        return new StoredMessageBuilder();
    }

    /** A builder holding every field of this record (the body CRC is kept as is). */
    public StoredMessageBuilder toBuilder() {
        return new StoredMessageBuilder().topic(topic).queueId(queueId).flag(flag).queueOffset(queueOffset)
                .physicalOffset(physicalOffset).sysFlag(sysFlag).bornTimestamp(bornTimestamp).bornHost(bornHost)
                .storeTimestamp(storeTimestamp).storeHost(storeHost).reconsumeTimes(reconsumeTimes)
                .preparedTransactionOffset(preparedTransactionOffset).bodyCrc(bodyCrc).body(body)
                .properties(properties);
    }

    /** The parsed properties, unmodifiable, in the order of the string. */
    public Map<String, String> propertyMap() {
        return MessageProperties.parseUnmodifiable(properties);
    }

    public String property(String name) {
        return MessageProperties.get(properties, name);
    }

    public String tags() {
        return property(MessageConst.TAGS);
    }

    public String keys() {
        return property(MessageConst.KEYS);
    }

    public String uniqKey() {
        return property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    /** The ConsumeQueue tagsCode of this message's TAGS (§6.4). */
    public long tagsCode() {
        return TagHash.tagsCode(tags());
    }

    /** The broker's offset message id of this record (§5.3). */
    public String offsetMsgId() {
        return MessageId.create(storeHost, physicalOffset);
    }

    /** The size this record occupies when encoded. */
    public int storeSize() {
        return StoredMessageCodec.encodedSize(this);
    }

    public StoredMessage withAppendPosition(long newPhysicalOffset, long newQueueOffset, long newStoreTimestamp) {
        return new StoredMessage(topic, queueId, flag, newQueueOffset, newPhysicalOffset, sysFlag, bornTimestamp,
                bornHost, newStoreTimestamp, storeHost, reconsumeTimes, preparedTransactionOffset, bodyCrc, body,
                properties);
    }

    public StoredMessage withProperties(String newProperties) {
        return new StoredMessage(topic, queueId, flag, queueOffset, physicalOffset, sysFlag, bornTimestamp,
                bornHost, storeTimestamp, storeHost, reconsumeTimes, preparedTransactionOffset, bodyCrc, body,
                newProperties);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredMessage m && queueId == m.queueId && flag == m.flag
                && queueOffset == m.queueOffset && physicalOffset == m.physicalOffset && sysFlag == m.sysFlag
                && bornTimestamp == m.bornTimestamp && storeTimestamp == m.storeTimestamp
                && reconsumeTimes == m.reconsumeTimes && preparedTransactionOffset == m.preparedTransactionOffset
                && bodyCrc == m.bodyCrc && topic.equals(m.topic) && bornHost.equals(m.bornHost)
                && storeHost.equals(m.storeHost) && Arrays.equals(body, m.body) && properties.equals(m.properties);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(topic, queueId, flag, queueOffset, physicalOffset, sysFlag, bornTimestamp, bornHost,
                storeTimestamp, storeHost, reconsumeTimes, preparedTransactionOffset, bodyCrc, properties);
        return 31 * h + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "StoredMessage[topic=" + topic + ", queueId=" + queueId + ", queueOffset=" + queueOffset
                + ", physicalOffset=" + physicalOffset + ", sysFlag=" + sysFlag + ", flag=" + flag
                + ", bornHost=" + bornHost + ", storeHost=" + storeHost + ", bornTimestamp=" + bornTimestamp
                + ", storeTimestamp=" + storeTimestamp + ", reconsumeTimes=" + reconsumeTimes
                + ", preparedTransactionOffset=" + preparedTransactionOffset + ", bodyCrc=" + bodyCrc
                + ", bodyLength=" + body.length + ", properties=" + properties.replace('\u0001', '=')
                .replace('\u0002', ';') + "]";
    }

    static boolean isV6(InetSocketAddress host) {
        return host.getAddress() instanceof Inet6Address;
    }

    private static void requireResolved(InetSocketAddress host, String name) {
        Objects.requireNonNull(host, name);
        if (host.getAddress() == null) {
            throw new IllegalArgumentException(name + " must be a resolved address: " + host);
        }
    }
}
