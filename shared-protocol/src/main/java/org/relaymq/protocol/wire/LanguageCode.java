package org.relaymq.protocol.wire;

/** The sender's language, written by name in JSON headers and as a byte in compact headers. */
public enum LanguageCode {
    JAVA(0), CPP(1), DOTNET(2), PYTHON(3), DELPHI(4), ERLANG(5), RUBY(6), OTHER(7), HTTP(8), GO(9), PHP(10),
    OMS(11), RUST(12), NODE_JS(13);

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** Tolerant lookup: an unknown byte is {@link #OTHER}. */
    public static LanguageCode fromCode(byte code) {
        for (LanguageCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return OTHER;
    }

    /** Tolerant lookup: an unknown or missing name is {@link #OTHER}. */
    public static LanguageCode fromName(String name) {
        if (name == null) {
            return OTHER;
        }
        for (LanguageCode c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return OTHER;
    }
}
