package org.relaymq.protocol.wire;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Seeded generator of varied commands; strings mix ASCII, controls, C1, separators, BMP and astral chars. */
final class RandomCommands {

    /** Languages both we and Apache 4.9.8 know (NODE_JS is 5.x only). */
    private static final LanguageCode[] LANGUAGES = Arrays.stream(LanguageCode.values())
            .filter(l -> l != LanguageCode.NODE_JS).toArray(LanguageCode[]::new);

    private static final String SPECIALS = "\"\\/<>&='\u2028\u2029";

    private final Random random;
    private final boolean loneSurrogates;

    /**
     * @param loneSurrogates whether strings may contain unpaired surrogates (they do not survive UTF-8, so
     *                       only byte-parity checks against Apache use them)
     */
    RandomCommands(long seed, boolean loneSurrogates) {
        this.random = new Random(seed);
        this.loneSurrogates = loneSurrogates;
    }

    RemotingCommand next(SerializeType type) {
        boolean compact = type == SerializeType.ROCKETMQ;
        int code = compact ? random.nextInt(65536) - 32768 : pickInt();
        int version = compact ? random.nextInt(65536) - 32768 : pickInt();
        int flag = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(4);
        String remark = random.nextInt(3) == 0 ? null : string();
        Map<String, String> ext = random.nextInt(4) == 0 ? null : ext();
        byte[] body = random.nextInt(3) == 0 ? new byte[0] : bytes(random.nextInt(200));
        return RemotingCommand.of(code, LANGUAGES[random.nextInt(LANGUAGES.length)], version, random.nextInt(),
                flag, remark, ext, body, type);
    }

    private int pickInt() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextInt(1000);
            case 2 -> -random.nextInt(2000);
            default -> random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        };
    }

    private Map<String, String> ext() {
        Map<String, String> ext = new LinkedHashMap<>();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            ext.put(string(), string());
        }
        return ext;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    String string() {
        int n = random.nextInt(5) == 0 ? 0 : random.nextInt(24);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            appendChar(s);
        }
        return s.toString();
    }

    private void appendChar(StringBuilder s) {
        switch (random.nextInt(10)) {
            case 0 -> s.append((char) random.nextInt(0x20));
            case 1 -> s.append((char) (0x7F + random.nextInt(0x21)));
            case 2 -> s.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
            case 4 -> s.append(bmpChar());
            case 5 -> s.append(loneSurrogates ? (char) (0xD800 + random.nextInt(0x800)) : 'x');
            default -> s.append((char) (0x20 + random.nextInt(0x5F)));
        }
    }

    private char bmpChar() {
        char c;
        do {
            c = (char) (0xA0 + random.nextInt(0xFFFF - 0xA0));
        } while (Character.isSurrogate(c));
        return c;
    }

    /**
     * What a command looks like after a compact round trip: empty strings read as null (entries with an empty
     * key or value drop out), an empty ext map has no area and reads as null.
     */
    static RemotingCommand asCompactDecodes(RemotingCommand c) {
        Map<String, String> ext = new LinkedHashMap<>();
        c.ext().forEach((k, v) -> {
            if (!k.isEmpty() && !v.isEmpty()) {
                ext.put(k, v);
            }
        });
        String remark = c.remark() == null || c.remark().isEmpty() ? null : c.remark();
        return RemotingCommand.of(c.code(), c.language(), c.version(), c.opaque(), c.flag(), remark,
                c.ext().isEmpty() ? null : ext, c.body(), c.serializeType());
    }
}
