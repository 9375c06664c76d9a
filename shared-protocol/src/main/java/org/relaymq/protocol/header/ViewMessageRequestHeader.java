package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 33 VIEW_MESSAGE_BY_ID request: {@code offset} is the commit-log physical offset.
 */
public record ViewMessageRequestHeader(long offset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .build();
    }

    public static ViewMessageRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new ViewMessageRequestHeader(
                r.requiredLong("offset"));
    }
}
