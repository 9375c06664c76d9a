package org.relaymq.runtime.remoting;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.relaymq.protocol.wire.FrameCodec;

/**
 * Settings of one {@link NettyRemotingServer}.
 *
 * @param name             prefix of the server's thread names (unique per node helps thread dumps)
 * @param bindHost         address to listen on
 * @param port             main port; 0 picks a free one ({@link NettyRemotingServer#port()} tells which)
 * @param additionalPorts  further ports served the same way (a broker also listens on listenPort - 2)
 * @param workerThreads    I/O event loop threads
 * @param maxFrameLength   largest accepted frame, counting the 4-byte length field
 * @param idleTimeout      a connection with no read and no write for this long is closed
 * @param writeBufferLowWaterMark  reading from a paused peer resumes below this many queued bytes
 * @param writeBufferHighWaterMark reading from a peer pauses above this many queued bytes
 */
public record RemotingServerConfig(String name, String bindHost, int port, List<Integer> additionalPorts,
                                   int workerThreads, int maxFrameLength, Duration idleTimeout,
                                   int writeBufferLowWaterMark, int writeBufferHighWaterMark) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_LOW_WATER_MARK = 1024 * 1024;
    public static final int DEFAULT_HIGH_WATER_MARK = 4 * 1024 * 1024;

    public RemotingServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindHost, "bindHost");
        additionalPorts = List.copyOf(additionalPorts);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        requirePort(port);
        additionalPorts.forEach(RemotingServerConfig::requirePort);
        if (workerThreads < 1 || maxFrameLength < 8 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("workerThreads >= 1, maxFrameLength >= 8 and a positive idle "
                    + "timeout are required: " + workerThreads + ", " + maxFrameLength + ", " + idleTimeout);
        }
        if (writeBufferLowWaterMark < 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("need 0 <= low water mark <= high water mark: "
                    + writeBufferLowWaterMark + ", " + writeBufferHighWaterMark);
        }
    }

    /** Listens on 0.0.0.0, an ephemeral port, idle timeout 120 s, 16 MiB frames. */
    public static RemotingServerConfig defaults() {
        int workers = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        return new RemotingServerConfig("remoting-server", "0.0.0.0", 0, List.of(), workers,
                FrameCodec.DEFAULT_MAX_FRAME_LENGTH, DEFAULT_IDLE_TIMEOUT, DEFAULT_LOW_WATER_MARK,
                DEFAULT_HIGH_WATER_MARK);
    }

    public RemotingServerConfig withName(String newName) {
        return new RemotingServerConfig(newName, bindHost, port, additionalPorts, workerThreads, maxFrameLength,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withBindHost(String host) {
        return new RemotingServerConfig(name, host, port, additionalPorts, workerThreads, maxFrameLength,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withPort(int newPort) {
        return new RemotingServerConfig(name, bindHost, newPort, additionalPorts, workerThreads, maxFrameLength,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withAdditionalPorts(List<Integer> ports) {
        return new RemotingServerConfig(name, bindHost, port, ports, workerThreads, maxFrameLength,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withWorkerThreads(int threads) {
        return new RemotingServerConfig(name, bindHost, port, additionalPorts, threads, maxFrameLength,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withMaxFrameLength(int length) {
        return new RemotingServerConfig(name, bindHost, port, additionalPorts, workerThreads, length,
                idleTimeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withIdleTimeout(Duration timeout) {
        return new RemotingServerConfig(name, bindHost, port, additionalPorts, workerThreads, maxFrameLength,
                timeout, writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingServerConfig withWriteBufferWaterMarks(int low, int high) {
        return new RemotingServerConfig(name, bindHost, port, additionalPorts, workerThreads, maxFrameLength,
                idleTimeout, low, high);
    }

    private static void requirePort(int p) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range: " + p);
        }
    }
}
