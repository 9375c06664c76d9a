package org.relaymq.protocol.body;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import java.nio.charset.StandardCharsets;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

/**
 * The one JSON setup for remoting bodies (protocol.md §4.7): HTML escaping off, nulls omitted, enums by
 * name, records supported, lenient reading (Apache's unquoted numeric map keys), object keys sorted
 * alphabetically like fastjson's bean output.
 *
 * <p>Two output styles: {@link #encode} writes standard JSON (numeric map keys quoted) and
 * {@link #encodeFastjsonStyle} writes what fastjson writes by default (numeric map keys unquoted:
 * {@code {0:"addr"}}). Maps keyed by {@link MessageQueue} are written with the key object inline in both
 * styles, as fastjson does; read them back with {@link #decodeNonStandard}.
 */
public final class ProtocolJson {

    private static final Gson STANDARD = builder().create();
    private static final Gson FASTJSON_STYLE = builder()
            .registerTypeAdapterFactory(JsonMapKeys.NUMERIC_KEYS_UNQUOTED)
            .create();

    private ProtocolJson() {
    }

    private static GsonBuilder builder() {
        return new GsonBuilder()
                .disableHtmlEscaping()
                .setStrictness(Strictness.LENIENT)
                .registerTypeAdapterFactory(JsonMapKeys.MESSAGE_QUEUE_KEYS_INLINE)
                .registerTypeAdapter(BrokerData.class, BodyAdapters.BROKER_DATA_WRITER)
                .registerTypeAdapter(SubscriptionGroupConfig.class, BodyAdapters.SUBSCRIPTION_GROUP_READER);
    }

    /** Standard JSON (quoted map keys), keys sorted, UTF-8. */
    public static byte[] encode(Object body) {
        return toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    /** fastjson default style: numeric (Integer/Long) map keys unquoted, keys sorted, UTF-8. */
    public static byte[] encodeFastjsonStyle(Object body) {
        return toJson(body, false).getBytes(StandardCharsets.UTF_8);
    }

    /** Standard JSON text of {@code body}. */
    public static String toJson(Object body) {
        return toJson(body, true);
    }

    /** JSON text of {@code body}; {@code standard=false} leaves numeric map keys unquoted. */
    public static String toJson(Object body, boolean standard) {
        Gson gson = standard ? STANDARD : FASTJSON_STYLE;
        JsonElement tree = gson.toJsonTree(body);
        return JsonTextWriter.write(tree);
    }

    /**
     * Parses a UTF-8 JSON body with Gson in lenient mode (accepts {@code {0:"addr"}}).
     *
     * @throws ProtocolException (SYSTEM_ERROR) when the body is empty or does not parse as {@code type}
     */
    public static <T> T decode(byte[] body, Class<T> type) {
        String text = text(body, type);
        try {
            return nonNull(STANDARD.fromJson(text, type), type);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw cannotParse(type, e);
        }
    }

    /**
     * Parses a body that may contain fastjson's non-standard object-valued map keys
     * ({@code {{"brokerName":"b","queueId":0,"topic":"T"}:{...}}}) as well as unquoted numeric keys.
     */
    public static <T> T decodeNonStandard(byte[] body, Class<T> type) {
        String text = text(body, type);
        try {
            JsonElement tree = LenientJsonParser.parse(text);
            return nonNull(STANDARD.fromJson(tree, type), type);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw cannotParse(type, e);
        }
    }

    /** The error every body decoder reports: SYSTEM_ERROR, {@code cannot parse <Type> body: <detail>}. */
    public static ProtocolException cannotParse(Class<?> type, String detail) {
        return ProtocolException.badRequest("cannot parse " + type.getSimpleName() + " body: " + detail);
    }

    static ProtocolException cannotParse(Class<?> type, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ProtocolException(ResponseCode.SYSTEM_ERROR,
                "cannot parse " + type.getSimpleName() + " body: " + detail, cause);
    }

    private static String text(byte[] body, Class<?> type) {
        if (body == null || body.length == 0) {
            throw cannotParse(type, "empty body");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static <T> T nonNull(T value, Class<T> type) {
        if (value == null) {
            throw cannotParse(type, "no JSON value");
        }
        return value;
    }
}
