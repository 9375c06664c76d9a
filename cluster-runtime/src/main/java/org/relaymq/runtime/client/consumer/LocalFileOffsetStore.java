package org.relaymq.runtime.client.consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.protocol.body.MessageQueue;

/** Broadcasting offsets, in {@code <dir>/<clientId>/<group>/offsets.json}, written atomically. */
final class LocalFileOffsetStore extends OffsetStore {

    private final Path file;
    private final Map<MessageQueue, Long> stored = new ConcurrentHashMap<>();

    LocalFileOffsetStore(Path dir, String clientId, String group) {
        this.file = dir.resolve(clientId.replace(':', '_')).resolve(group).resolve("offsets.json");
        load();
    }

    Path file() {
        return file;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            for (JsonElement e : root.getAsJsonArray("offsetTable")) {
                JsonObject o = e.getAsJsonObject();
                stored.put(new MessageQueue(o.get("brokerName").getAsString(), o.get("queueId").getAsInt(),
                        o.get("topic").getAsString()), o.get("offset").getAsLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    long readStored(MessageQueue mq) {
        return stored.getOrDefault(mq, -1L);
    }

    @Override
    synchronized void persist(Collection<MessageQueue> owned, boolean sync) {
        owned.forEach(mq -> {
            Long o = table.get(mq);
            if (o != null && o >= 0) {
                stored.put(mq, o);
            }
        });
        JsonArray arr = new JsonArray();
        stored.forEach((mq, offset) -> {
            JsonObject o = new JsonObject();
            o.addProperty("topic", mq.topic());
            o.addProperty("brokerName", mq.brokerName());
            o.addProperty("queueId", mq.queueId());
            o.addProperty("offset", offset);
            arr.add(o);
        });
        JsonObject root = new JsonObject();
        root.add("offsetTable", arr);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("offsets.json.tmp");
            Files.writeString(tmp, root.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
