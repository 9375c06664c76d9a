package org.relaymq.protocol.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties string of a message (protocol.md §6.1): the entries with a value as
 * {@code name U+0001 value}, separated by U+0002. Like Apache RocketMQ 4.9.8 clients, no U+0002 follows
 * the last entry (older clients end the string with one; parsing treats both alike). Parsing keeps the
 * order of the string.
 */
public final class MessageProperties {

    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';

    private MessageProperties() {
    }

    /**
     * Encodes the entries in iteration order, skipping null values, without a trailing separator.
     *
     * @throws IllegalArgumentException for a null or empty name, or a name or value holding a separator
     */
    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String value = e.getValue();
            if (value == null) {
                continue;
            }
            String name = e.getKey();
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("property name must not be empty");
            }
            checkNoSeparator("name", name);
            checkNoSeparator("value of " + name, value);
            if (!sb.isEmpty()) {
                sb.append(PROPERTY_SEPARATOR);
            }
            sb.append(name).append(NAME_VALUE_SEPARATOR).append(value);
        }
        return sb.toString();
    }

    /**
     * Parses a properties string. Segments shorter than 3 characters, without a separator, or with an
     * empty name or value are ignored; a later duplicate name wins. Never null.
     */
    public static Map<String, String> parse(String properties) {
        if (properties == null || properties.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, String> map = new LinkedHashMap<>();
        int len = properties.length();
        int start = 0;
        while (start < len) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = len;
            }
            if (end - start >= 3) {
                int sep = properties.indexOf(NAME_VALUE_SEPARATOR, start);
                if (sep > start && sep < end - 1) {
                    map.put(properties.substring(start, sep), properties.substring(sep + 1, end));
                }
            }
            start = end + 1;
        }
        return map;
    }

    /** An unmodifiable parsed view. */
    public static Map<String, String> parseUnmodifiable(String properties) {
        return Collections.unmodifiableMap(parse(properties));
    }

    /** The value of one property, or null; scans without building a map. */
    public static String get(String properties, String name) {
        if (properties == null || properties.isEmpty() || name == null || name.isEmpty()) {
            return null;
        }
        String found = null;
        int len = properties.length();
        int start = 0;
        while (start < len) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = len;
            }
            int sep = start + name.length();
            if (sep < end - 1 && properties.charAt(sep) == NAME_VALUE_SEPARATOR
                    && properties.startsWith(name, start) && properties.indexOf(NAME_VALUE_SEPARATOR, start) == sep) {
                found = properties.substring(sep + 1, end);
            }
            start = end + 1;
        }
        return found;
    }

    /** True when neither separator occurs in {@code s}. */
    public static boolean isClean(String s) {
        return s.indexOf(NAME_VALUE_SEPARATOR) < 0 && s.indexOf(PROPERTY_SEPARATOR) < 0;
    }

    private static void checkNoSeparator(String what, String s) {
        if (!isClean(s)) {
            throw new IllegalArgumentException("property " + what + " contains a reserved separator (U+0001/U+0002)");
        }
    }
}
