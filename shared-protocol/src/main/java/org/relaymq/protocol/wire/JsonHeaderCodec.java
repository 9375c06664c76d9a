package org.relaymq.protocol.wire;

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
        Utf8Sink out = new Utf8Sink(512);
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
        String[] values = new String[keys.length];
        int n = 0;
        boolean sorted = true;
        for (Map.Entry<String, String> e : ext.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                keys[n] = e.getKey();
                values[n] = e.getValue();
                sorted &= n == 0 || keys[n - 1].compareTo(keys[n]) <= 0;
                n++;
            }
        }
        if (!sorted) {
            sortByKey(keys, values, n);
        }
        out.ascii('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            JsonStrings.append(out, keys[i]);
            out.ascii(':');
            JsonStrings.append(out, values[i]);
        }
        out.ascii('}');
    }

    /** Insertion sort of the pairs by key: headers have a few dozen keys at most, often nearly sorted. */
    private static void sortByKey(String[] keys, String[] values, int n) {
        for (int i = 1; i < n; i++) {
            String k = keys[i];
            String v = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j].compareTo(k) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    /** Parses the header text; the command gets {@code body} and serialize type JSON. */
    public static RemotingCommand decode(byte[] header, byte[] body) {
        return JsonHeaderReader.read(header, body);
    }
}
