package org.relaymq.protocol.wire;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.relaymq.protocol.RelayMqVersion;

/**
 * One remoting command (request or response), immutable. The header is {@code code, language,
 * version, opaque, flag, remark, extFields}; the body travels after the header in the frame.
 *
 * <p>{@code extFields} is null when the command carries no custom header (the JSON key is then
 * omitted) and an unmodifiable map otherwise. {@code serializeType} records how the header was (or
 * will be) encoded; a response is written in the type of its request.
 */
public final class RemotingCommand {

    public static final int FLAG_RESPONSE = 0x1;
    public static final int FLAG_ONEWAY = 0x2;

    private static final byte[] NO_BODY = new byte[0];

    private final int code;
    private final LanguageCode language;
    private final int version;
    private final int opaque;
    private final int flag;
    private final String remark;
    private final Map<String, String> extFields;
    private final byte[] body;
    private final SerializeType serializeType;

    /** {@code extFields} is kept as it is: null or unmodifiable and held by no one who changes it. */
    private RemotingCommand(int code, LanguageCode language, int version, int opaque, int flag, String remark,
                            Map<String, String> extFields, byte[] body, SerializeType serializeType) {
        this.code = code;
        this.language = Objects.requireNonNull(language, "language");
        this.version = version;
        this.opaque = opaque;
        this.flag = flag;
        this.remark = remark;
        this.extFields = extFields;
        this.body = body == null ? NO_BODY : body;
        this.serializeType = Objects.requireNonNull(serializeType, "serializeType");
    }

    /** Everything as decoded from the wire. */
    public static RemotingCommand of(int code, LanguageCode language, int version, int opaque, int flag, String remark,
                                     Map<String, String> extFields, byte[] body, SerializeType serializeType) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, copied(extFields), body,
                serializeType);
    }

    /** As {@link #of}, taking ownership of a fresh {@code extFields} map nobody else holds (decoders). */
    static RemotingCommand ofOwned(int code, LanguageCode language, int version, int opaque, int flag, String remark,
                                   Map<String, String> extFields, byte[] body, SerializeType serializeType) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, adopted(extFields), body,
                serializeType);
    }

    /** A request (opaque 0 until the sender assigns one). */
    public static RemotingCommand request(int code, Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, RelayMqVersion.WIRE_VERSION, 0, 0, null, copied(extFields),
                body, SerializeType.JSON);
    }

    /**
     * A request that takes over {@code extFields} instead of copying it (hot paths building a fresh map per
     * request): the caller must not touch the map afterwards.
     */
    public static RemotingCommand requestTakingExt(int code, Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, RelayMqVersion.WIRE_VERSION, 0, 0, null,
                adopted(extFields), body, SerializeType.JSON);
    }

    public static RemotingCommand request(int code, Map<String, String> extFields) {
        return request(code, extFields, null);
    }

    /** The response to {@code request}: same opaque and serialize type, response flag set. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark,
                                             Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, RelayMqVersion.WIRE_VERSION, request.opaque(),
                FLAG_RESPONSE, remark, copied(extFields), body, request.serializeType());
    }

    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        return responseTo(request, code, remark, null, null);
    }

    public int code() {
        return code;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public int opaque() {
        return opaque;
    }

    public int flag() {
        return flag;
    }

    public String remark() {
        return remark;
    }

    /** The ext fields, or null when the command has none. */
    public Map<String, String> extFields() {
        return extFields;
    }

    /** The ext fields, never null. */
    public Map<String, String> ext() {
        return extFields == null ? Map.of() : extFields;
    }

    /** The body bytes (never null; empty when there is no body). Do not modify. */
    public byte[] body() {
        return body;
    }

    public SerializeType serializeType() {
        return serializeType;
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    public RemotingCommand withOpaque(int newOpaque) {
        return new RemotingCommand(code, language, version, newOpaque, flag, remark, extFields, body, serializeType);
    }

    public RemotingCommand asOneway() {
        return new RemotingCommand(code, language, version, opaque, flag | FLAG_ONEWAY, remark, extFields, body,
                serializeType);
    }

    public RemotingCommand withSerializeType(SerializeType type) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, body, type);
    }

    public RemotingCommand withVersion(int newVersion) {
        return new RemotingCommand(code, language, newVersion, opaque, flag, remark, extFields, body, serializeType);
    }

    public RemotingCommand withLanguage(LanguageCode newLanguage) {
        return new RemotingCommand(code, newLanguage, version, opaque, flag, remark, extFields, body, serializeType);
    }

    public RemotingCommand withBody(byte[] newBody) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, newBody, serializeType);
    }

    public RemotingCommand withExtFields(Map<String, String> newExt) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, copied(newExt), body, serializeType);
    }

    /** An unmodifiable copy of a caller's map (null stays null). */
    private static Map<String, String> copied(Map<String, String> ext) {
        return ext == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ext));
    }

    /** A map handed over by its builder, made read-only without copying (null stays null). */
    private static Map<String, String> adopted(Map<String, String> ext) {
        return ext == null ? null : Collections.unmodifiableMap(ext);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RemotingCommand other)) {
            return false;
        }
        return code == other.code && version == other.version && opaque == other.opaque && flag == other.flag
                && language == other.language && Objects.equals(remark, other.remark)
                && Objects.equals(extFields, other.extFields) && Arrays.equals(body, other.body)
                && serializeType == other.serializeType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, opaque, flag, remark, extFields) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RemotingCommand{code=" + code + ", language=" + language + ", version=" + version + ", opaque="
                + opaque + ", flag=" + flag + ", remark=" + remark + ", extFields=" + extFields + ", bodyLength="
                + body.length + ", serializeType=" + serializeType + '}';
    }
}
