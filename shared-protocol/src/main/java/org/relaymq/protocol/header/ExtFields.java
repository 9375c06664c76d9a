package org.relaymq.protocol.header;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

/**
 * Reading and writing the flattened custom-header map ({@code extFields}) of a command.
 *
 * <p>Values travel as strings: numbers in decimal, booleans as {@code "true"}/{@code "false"}. A
 * {@link Reader} parses them the way Apache does ({@code Integer.parseInt}, {@code Long.parseLong},
 * {@code Boolean.parseBoolean}); a missing required key or an unparseable number becomes a
 * {@link ProtocolException} with SYSTEM_ERROR naming the key. A {@link Writer} keeps insertion order
 * and skips null values, as Apache skips null fields.
 */
public final class ExtFields {

    private ExtFields() {
    }

    /** A reader over {@code ext}; a null map reads as empty (a command without ext fields). */
    public static Reader read(Map<String, String> ext) {
        return new Reader(ext == null ? Map.of() : ext);
    }

    public static Writer write() {
        return new Writer();
    }

    /** For compact constructors: a required component must not be null. */
    public static <T> T require(T value, String key) {
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    static ProtocolException missing(String key) {
        return ProtocolException.badRequest("missing header field '" + key + "'");
    }

    /** Typed look-ups by key. Unknown keys in the map are simply never asked for. */
    public static final class Reader {

        private final Map<String, String> ext;

        private Reader(Map<String, String> ext) {
            this.ext = ext;
        }

        public String optionalString(String key) {
            return ext.get(key);
        }

        public String requiredString(String key) {
            return require(ext.get(key), key);
        }

        public Integer optionalInt(String key) {
            String raw = ext.get(key);
            return raw == null ? null : parseInt(key, raw);
        }

        public int requiredInt(String key) {
            return parseInt(key, requiredString(key));
        }

        public int intOr(String key, int fallback) {
            Integer value = optionalInt(key);
            return value == null ? fallback : value;
        }

        public Long optionalLong(String key) {
            String raw = ext.get(key);
            return raw == null ? null : parseLong(key, raw);
        }

        public long requiredLong(String key) {
            return parseLong(key, requiredString(key));
        }

        public Boolean optionalBoolean(String key) {
            String raw = ext.get(key);
            return raw == null ? null : Boolean.parseBoolean(raw);
        }

        public boolean requiredBoolean(String key) {
            return Boolean.parseBoolean(requiredString(key));
        }

        /** A boolean Apache always sends (primitive field); absent means {@code fallback}. */
        public boolean booleanOr(String key, boolean fallback) {
            Boolean value = optionalBoolean(key);
            return value == null ? fallback : value;
        }

        private static int parseInt(String key, String raw) {
            try {
                return Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw notA("an integer", key, raw, e);
            }
        }

        private static long parseLong(String key, String raw) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw notA("a long", key, raw, e);
            }
        }

        private static ProtocolException notA(String kind, String key, String raw, Throwable cause) {
            return new ProtocolException(ResponseCode.SYSTEM_ERROR,
                    "header field '" + key + "' is not " + kind + ": '" + raw + "'", cause);
        }
    }

    /** Builds an insertion-ordered ext map, writing only non-null values. */
    public static final class Writer {

        private final LinkedHashMap<String, String> ext = new LinkedHashMap<>(32); // no resize up to 24 keys

        private Writer() {
        }

        public Writer put(String key, String value) {
            if (value != null) {
                ext.put(key, value);
            }
            return this;
        }

        public Writer put(String key, Number value) {
            return put(key, value == null ? null : value.toString());
        }

        public Writer put(String key, Boolean value) {
            return put(key, value == null ? null : value.toString());
        }

        /** The map built so far; a fresh mutable map per writer, so callers may add extra keys. */
        public Map<String, String> build() {
            return ext;
        }
    }
}
