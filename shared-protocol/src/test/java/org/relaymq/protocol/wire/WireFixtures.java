package org.relaymq.protocol.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the golden fixtures under src/test/resources/wire. */
final class WireFixtures {

    private WireFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = WireFixtures.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /wire/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON header fixture: the exact bytes of the file (stored without a trailing newline). */
    static byte[] json(String name) {
        return bytes(name);
    }

    /** A hex fixture: '#' starts a comment to the end of the line; whitespace is ignored. */
    static byte[] hex(String name) {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String data = hash >= 0 ? line.substring(0, hash) : line;
            digits.append(data.replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }
}
