package org.relaymq.protocol.wire;

import java.util.Arrays;
import java.util.Map;

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
        Utf8Sink out = new Utf8Sink(256);
        out.ascii("{\"code\":").number(cmd.code());
        if (cmd.extFields() != null) {
            out.ascii(",\"extFields\":");
            writeExt(out, cmd.extFields());
        }
        out.ascii(",\"flag\":").number(cmd.flag());
        out.ascii(",\"language\":");
        JsonStrings.append(out, cmd.language().name());
        out.ascii(",\"opaque\":").number(cmd.opaque());
        if (cmd.remark() != null) {
            out.ascii(",\"remark\":");
            JsonStrings.append(out, cmd.remark());
        }
        out.ascii(",\"serializeTypeCurrentRPC\":\"JSON\"");
        out.ascii(",\"version\":").number(cmd.version()).ascii('}');
        return out.toByteArray();
    }

    private static void writeExt(Utf8Sink out, Map<String, String> ext) {
        String[] keys = new String[ext.size()];
        int n = 0;
        for (Map.Entry<String, String> e : ext.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                keys[n++] = e.getKey();
            }
        }
        Arrays.sort(keys, 0, n);
        out.ascii('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            JsonStrings.append(out, keys[i]);
            out.ascii(':');
            JsonStrings.append(out, ext.get(keys[i]));
        }
        out.ascii('}');
    }

    /** Parses the header text; the command gets {@code body} and serialize type JSON. */
    public static RemotingCommand decode(byte[] header, byte[] body) {
        return JsonHeaderReader.read(header, body);
    }
}
