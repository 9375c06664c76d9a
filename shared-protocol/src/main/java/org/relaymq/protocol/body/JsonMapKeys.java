package org.relaymq.protocol.body;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gson factories for the two kinds of non-string map keys fastjson produces (protocol.md §4.7.2):
 * numeric keys written unquoted ({@code {0:"addr"}}) and MessageQueue keys written as inline objects.
 * Both mark the key with {@link JsonTextWriter#RAW_KEY}, so they only make sense through
 * {@link ProtocolJson}, which writes via {@link JsonTextWriter}.
 */
final class JsonMapKeys {

    private static final Set<Type> NUMERIC_KEY_TYPES = Set.of(Integer.class, Long.class, Short.class, Byte.class);

    /** Writes Integer/Long-keyed maps with unquoted keys; reads them like Gson does. */
    static final TypeAdapterFactory NUMERIC_KEYS_UNQUOTED = new TypeAdapterFactory() {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Type[] kv = mapKeyAndValue(type);
            if (kv == null || !NUMERIC_KEY_TYPES.contains(kv[0])) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            return new RawKeyMapAdapter<>(delegate, gson.getAdapter(TypeToken.get(kv[1])), null);
        }
    };

    /** Writes and reads MessageQueue-keyed maps with the key object inline (fastjson's output). */
    static final TypeAdapterFactory MESSAGE_QUEUE_KEYS_INLINE = new TypeAdapterFactory() {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Type[] kv = mapKeyAndValue(type);
            if (kv == null || kv[0] != MessageQueue.class) {
                return null;
            }
            return new RawKeyMapAdapter<>(null, gson.getAdapter(TypeToken.get(kv[1])), gson);
        }
    };

    private JsonMapKeys() {
    }

    private static Type[] mapKeyAndValue(TypeToken<?> type) {
        if (!Map.class.isAssignableFrom(type.getRawType())
                || !(type.getType() instanceof ParameterizedType parameterized)) {
            return null;
        }
        Type[] args = parameterized.getActualTypeArguments();
        return args.length == 2 ? args : null;
    }

    /**
     * Map adapter writing raw-marked keys. With a {@code keyGson} the keys are MessageQueue objects
     * (written inline, read by parsing the key text); otherwise keys are numbers and reading delegates.
     */
    private static final class RawKeyMapAdapter<T> extends TypeAdapter<T> {
        private final TypeAdapter<T> readDelegate;
        @SuppressWarnings("rawtypes")
        private final TypeAdapter valueAdapter;
        private final Gson keyGson;

        RawKeyMapAdapter(TypeAdapter<T> readDelegate, TypeAdapter<?> valueAdapter, Gson keyGson) {
            this.readDelegate = readDelegate;
            this.valueAdapter = valueAdapter;
            this.keyGson = keyGson;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.name(JsonTextWriter.RAW_KEY + keyText(entry.getKey()));
                ((TypeAdapter) valueAdapter).write(out, entry.getValue());
            }
            out.endObject();
        }

        private String keyText(Object key) {
            if (keyGson == null || key == null) {
                return String.valueOf(key);
            }
            return JsonTextWriter.write(keyGson.toJsonTree(key));
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(JsonReader in) throws IOException {
            if (readDelegate != null) {
                return readDelegate.read(in);
            }
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            Map<MessageQueue, Object> map = new LinkedHashMap<>();
            in.beginObject();
            while (in.hasNext()) {
                MessageQueue key = keyGson.fromJson(in.nextName(), MessageQueue.class);
                if (key == null) {
                    throw new IllegalStateException("empty MessageQueue key");
                }
                map.put(key, valueAdapter.read(in));
            }
            in.endObject();
            return (T) map;
        }
    }
}
