package org.relaymq.protocol.message;

import java.net.InetSocketAddress;

/** Builds a {@link StoredMessage}; the body CRC is computed from the body unless set explicitly. */
public final class StoredMessageBuilder {

    private String topic;
    private int queueId;
    private int flag;
    private long queueOffset;
    private long physicalOffset;
    private int sysFlag;
    private long bornTimestamp;
    private InetSocketAddress bornHost;
    private long storeTimestamp;
    private InetSocketAddress storeHost;
    private int reconsumeTimes;
    private long preparedTransactionOffset;
    private Integer bodyCrc;
    private byte[] body;
    private String properties = "";

    StoredMessageBuilder() {
    }

    public StoredMessageBuilder topic(String value) {
        topic = value;
        return this;
    }

    public StoredMessageBuilder queueId(int value) {
        queueId = value;
        return this;
    }

    public StoredMessageBuilder flag(int value) {
        flag = value;
        return this;
    }

    public StoredMessageBuilder queueOffset(long value) {
        queueOffset = value;
        return this;
    }

    public StoredMessageBuilder physicalOffset(long value) {
        physicalOffset = value;
        return this;
    }

    public StoredMessageBuilder sysFlag(int value) {
        sysFlag = value;
        return this;
    }

    public StoredMessageBuilder bornTimestamp(long value) {
        bornTimestamp = value;
        return this;
    }

    public StoredMessageBuilder bornHost(InetSocketAddress value) {
        bornHost = value;
        return this;
    }

    public StoredMessageBuilder storeTimestamp(long value) {
        storeTimestamp = value;
        return this;
    }

    public StoredMessageBuilder storeHost(InetSocketAddress value) {
        storeHost = value;
        return this;
    }

    public StoredMessageBuilder reconsumeTimes(int value) {
        reconsumeTimes = value;
        return this;
    }

    public StoredMessageBuilder preparedTransactionOffset(long value) {
        preparedTransactionOffset = value;
        return this;
    }

    /** Sets the stored CRC as is (for decoded records); otherwise it is computed from the body. */
    public StoredMessageBuilder bodyCrc(int value) {
        bodyCrc = value;
        return this;
    }

    public StoredMessageBuilder body(byte[] value) {
        body = value;
        return this;
    }

    public StoredMessageBuilder properties(String value) {
        properties = value;
        return this;
    }

    public StoredMessage build() {
        byte[] b = body == null ? new byte[0] : body;
        int crc = bodyCrc != null ? bodyCrc : StoredMessageCodec.bodyCrc(b);
        return new StoredMessage(topic, queueId, flag, queueOffset, physicalOffset, sysFlag, bornTimestamp, bornHost,
                storeTimestamp, storeHost, reconsumeTimes, preparedTransactionOffset, crc, b, properties);
    }
}
