package org.relaymq.protocol.wire;

/** How a frame's header is encoded: the high byte of the header tag. */
public enum SerializeType {
    JSON((byte) 0), ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    /** Returns the type for a header-tag byte, or null when the byte names no known type. */
    public static SerializeType fromCode(byte code) {
        for (SerializeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
