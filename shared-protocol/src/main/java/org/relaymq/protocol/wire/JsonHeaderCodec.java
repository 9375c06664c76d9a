package org.relaymq.protocol.wire;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON header (protocol.md §2.2), byte-for-byte as fastjson writes Apache's RemotingCommand: keys
 * in alphabetical order, null properties omitted, enums by name, numbers as JSON numbers, ext values as
 * strings. Reading is lenient: unknown keys, any key order, numbers given as strings, scalar ext values.
 */
public final class JsonHeaderCodec {


    private JsonHeaderCodec() {
    }

    /** The header text of {@code cmd} as UTF-8 bytes (ext keys sorted; null ext entries skipped). */
    public static byte[] encode(RemotingCommand cmd) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"code\":").append(cmd.code());
        if (cmd.extFields() != null) {
            out.append(",\"extFields\":");
            writeExt(out, cmd.extFields());
        }
        out.append(",\"flag\":").append(cmd.flag());
        out.append(",\"language\":");
        JsonStrings.append(out, cmd.language().name());
        out.append(",\"opaque\":").append(cmd.opaque());
        if (cmd.remark() != null) {
            out.append(",\"remark\":");
            JsonStrings.append(out, cmd.remark());
        }
        out.append(",\"serializeTypeCurrentRPC\":\"").append(SerializeType.JSON.name()).append('"');
        out.append(",\"version\":").append(cmd.version()).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeExt(StringBuilder out, Map<String, String> ext) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : sortedWithoutNulls(ext).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonStrings.append(out, e.getKey());
            out.append(':');
            JsonStrings.append(out, e.getValue());
        }
        out.append('}');
    }

    private static Map<String, String> sortedWithoutNulls(Map<String, String> ext) {
        Map<String, String> copy = new TreeMap<>();
        ext.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** Parses the header text; the command gets {@code body} and serialize type JSON. */
    public static RemotingCommand decode(byte[] header, byte[] body) {
        try (JsonReader reader = new JsonReader(
                new InputStreamReader(new ByteArrayInputStream(header), StandardCharsets.UTF_8))) {
            JsonHeaderFields fields = readObject(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedFrameException("JSON header: content after the object");
            }
            return fields.toCommand(body);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new MalformedFrameException("unparseable JSON header: " + e.getMessage(), e);
        }
    }

    private static JsonHeaderFields readObject(JsonReader reader) throws IOException {
        JsonHeaderFields fields = new JsonHeaderFields();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (reader.peek() == JsonToken.NULL) {
                reader.nextNull();
                continue;
            }
            switch (name) {
                case "code" -> fields.code = reader.nextInt();
                case "language" -> fields.language = LanguageCode.fromName(reader.nextString());
                case "version" -> fields.version = reader.nextInt();
                case "opaque" -> fields.opaque = reader.nextInt();
                case "flag" -> fields.flag = reader.nextInt();
                case "remark" -> fields.remark = reader.nextString();
                case "extFields" -> fields.extFields = readExt(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return fields;
    }

    private static Map<String, String> readExt(JsonReader reader) throws IOException {
        Map<String, String> ext = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            switch (reader.peek()) {
                case NULL -> reader.nextNull();
                case STRING, NUMBER -> ext.put(key, reader.nextString());
                case BOOLEAN -> ext.put(key, Boolean.toString(reader.nextBoolean()));
                default -> throw new MalformedFrameException(
                        "JSON header: extFields value of '" + key + "' is not a scalar");
            }
        }
        reader.endObject();
        return ext;
    }

    /** Mutable scratch for one parse; never escapes this class. Defaults follow Apache's field defaults. */
    private static final class JsonHeaderFields {
        private int code;
        private LanguageCode language = LanguageCode.JAVA;
        private int version;
        private int opaque;
        private int flag;
        private String remark;
        private Map<String, String> extFields;

        RemotingCommand toCommand(byte[] body) {
            return RemotingCommand.of(code, language, version, opaque, flag, remark, extFields, body,
                    SerializeType.JSON);
        }
    }
}
