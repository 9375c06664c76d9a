package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 11 PULL_MESSAGE response; all four fields must be present on every pull answer (0, 19, 20, 21).
 */
public record PullMessageResponseHeader(long suggestWhichBrokerId, long nextBeginOffset, long minOffset,
        long maxOffset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("suggestWhichBrokerId", suggestWhichBrokerId)
                .put("nextBeginOffset", nextBeginOffset)
                .put("minOffset", minOffset)
                .put("maxOffset", maxOffset)
                .build();
    }

    public static PullMessageResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new PullMessageResponseHeader(
                r.requiredLong("suggestWhichBrokerId"),
                r.requiredLong("nextBeginOffset"),
                r.requiredLong("minOffset"),
                r.requiredLong("maxOffset"));
    }
}
