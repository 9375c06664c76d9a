package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relaymq.protocol.RelayMqVersion;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What GET_NODE_INFO (7020) answers: role, address, version, pid, timing profile and intervals,
 * start time and uptime. Built fresh on each request, so the uptime is current.
 */
public final class NodeInfo {

    private final String role;
    private final TimeSource time;
    private final long startedWallMillis;
    private final long startedMonotonicMillis;
    private final Map<String, Duration> intervals = new LinkedHashMap<>();
    private volatile String address = "unknown";
    private volatile String profile = "custom";

    public NodeInfo(String role, TimeSource time) {
        this.role = role;
        this.time = time;
        this.startedWallMillis = time.wallMillis();
        this.startedMonotonicMillis = time.monotonicMillis();
    }

    public NodeInfo address(String hostPort) {
        this.address = hostPort;
        return this;
    }

    public NodeInfo profile(String name) {
        this.profile = name;
        return this;
    }

    public synchronized NodeInfo interval(String name, Duration value) {
        intervals.put(name, value);
        return this;
    }

    public synchronized JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("role", role);
        o.addProperty("address", address);
        o.addProperty("version", RelayMqVersion.version());
        o.addProperty("wireVersion", RelayMqVersion.WIRE_VERSION);
        o.addProperty("pid", ProcessHandle.current().pid());
        o.addProperty("profile", profile);
        JsonObject iv = new JsonObject();
        intervals.forEach((k, v) -> iv.addProperty(k + "Ms", v.toMillis()));
        o.add("intervals", iv);
        o.addProperty("startedAt", startedWallMillis);
        o.addProperty("uptimeMs", time.monotonicMillis() - startedMonotonicMillis);
        return o;
    }

    public byte[] toBody() {
        return toJson().toString().getBytes(StandardCharsets.UTF_8);
    }
}
