package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written header reader against Gson's streaming reader (the oracle, as the header was read
 * before): on thousands of generated header texts — keys in any order, unknown keys holding nested values,
 * numbers in every JSON form, quoted integers, escapes, whitespace, and truncations — both accept the same
 * texts and read the same command.
 */
class JsonHeaderReaderDifferentialTest {

    private final Random random = new Random(20261121);

    @Test
    void readsWhatGsonReadsAndRejectsWhatGsonRejects() {
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            String text = header();
            if (random.nextInt(5) == 0) {
                text = text.substring(0, random.nextInt(text.length()));
            }
            RemotingCommand expected = oracle(text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (expected == null) {
                assertThatThrownBy(() -> JsonHeaderCodec.decode(bytes, new byte[0])).as(text)
                        .isInstanceOf(MalformedFrameException.class);
            } else {
                assertThat(JsonHeaderCodec.decode(bytes, new byte[0])).as(text).isEqualTo(expected);
                accepted++;
            }
        }
        assertThat(accepted).as("generated headers that parse").isGreaterThan(3000);
    }

    @Test
    void encodedHeadersOfRandomCommandsReadBackAsGsonReadsThem() {
        RandomCommands commands = new RandomCommands(7, false);
        for (int i = 0; i < 2000; i++) {
            RemotingCommand c = commands.next(SerializeType.JSON);
            byte[] header = JsonHeaderCodec.encode(c);
            assertThat(JsonHeaderCodec.decode(header, new byte[0]))
                    .isEqualTo(oracle(new String(header, StandardCharsets.UTF_8)));
        }
    }

    private String header() {
        List<String> members = new ArrayList<>();
        members.add("\"code\":" + intValue());
        if (random.nextBoolean()) {
            members.add("\"opaque\":" + intValue());
        }
        if (random.nextBoolean()) {
            members.add("\"flag\":" + intValue());
        }
        if (random.nextBoolean()) {
            members.add("\"version\":" + intValue());
        }
        if (random.nextBoolean()) {
            members.add("\"language\":" + (random.nextBoolean() ? "\"JAVA\"" : "\"CPP\""));
        }
        if (random.nextBoolean()) {
            members.add("\"remark\":" + (random.nextInt(4) == 0 ? "null" : quoted()));
        }
        if (random.nextInt(4) != 0) {
            members.add("\"extFields\":" + ext());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            members.add(quoted() + ":" + anyValue(0));
        }
        java.util.Collections.shuffle(members, random);
        StringBuilder out = new StringBuilder(ws()).append('{');
        for (int i = 0; i < members.size(); i++) {
            out.append(i > 0 ? "," : "").append(ws()).append(members.get(i).replace(":", random.nextInt(8) == 0
                    ? " : " : ":")).append(ws());
        }
        return out.append('}').append(ws()).toString();
    }

    private String intValue() {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "\"" + random.nextInt(1000) + "\"";
            case 2 -> random.nextInt(100) + ".0";
            case 3 -> "1e2";
            case 4 -> "-0";
            default -> Integer.toString(random.nextInt(400));
        };
    }

    private String ext() {
        StringBuilder out = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String value = switch (random.nextInt(7)) {
                case 0 -> "null";
                case 1 -> random.nextBoolean() ? "true" : "false";
                case 2 -> Long.toString(random.nextLong());
                case 3 -> "-12.5e-3";
                default -> quoted();
            };
            out.append(i > 0 ? "," : "").append(quoted()).append(':').append(ws()).append(value);
        }
        return out.append('}').toString();
    }

    private String anyValue(int depth) {
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> quoted();
            case 1 -> "-3.25E+7";
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> "0";
            case 4 -> "[" + anyValue(depth + 1) + "," + ws() + anyValue(depth + 1) + "]";
            default -> "{" + quoted() + ":" + anyValue(depth + 1) + "}";
        };
    }

    private String quoted() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(10)) {
                case 0 -> s.append("\\\"");
                case 1 -> s.append("\\n\\t\\/\\\\");
                case 2 -> s.append("\\u00e9\\u2028");
                case 3 -> s.append("é€");
                case 4 -> s.append("\uD83D\uDE00");
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return "\"" + s + "\"";
    }

    private String ws() {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            default -> "";
        };
    }

    /** The header as Gson's reader reads it (the previous decoder); null when Gson rejects the text. */
    private static RemotingCommand oracle(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            int code = 0;
            int version = 0;
            int opaque = 0;
            int flag = 0;
            String remark = null;
            LanguageCode language = LanguageCode.JAVA;
            Map<String, String> ext = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (reader.peek() == JsonToken.NULL) {
                    reader.nextNull();
                    continue;
                }
                switch (name) {
                    case "code" -> code = reader.nextInt();
                    case "language" -> language = LanguageCode.fromName(reader.nextString());
                    case "version" -> version = reader.nextInt();
                    case "opaque" -> opaque = reader.nextInt();
                    case "flag" -> flag = reader.nextInt();
                    case "remark" -> remark = reader.nextString();
                    case "extFields" -> ext = oracleExt(reader);
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return null;
            }
            return RemotingCommand.of(code, language, version, opaque, flag, remark, ext, new byte[0],
                    SerializeType.JSON);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> oracleExt(JsonReader reader) throws IOException {
        Map<String, String> ext = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            switch (reader.peek()) {
                case NULL -> reader.nextNull();
                case STRING, NUMBER -> ext.put(key, reader.nextString());
                case BOOLEAN -> ext.put(key, Boolean.toString(reader.nextBoolean()));
                default -> throw new IllegalStateException("not a scalar");
            }
        }
        reader.endObject();
        return ext;
    }
}
