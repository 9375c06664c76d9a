package org.relaymq.runtime.remoting;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.protocol.wire.FrameCodec;

/**
 * Settings of one {@link NettyRemotingClient}.
 *
 * @param name                       prefix of the client's thread names
 * @param connectTimeout             how long a TCP connect may take
 * @param idleTimeout                a connection with no read and no write for this long is closed
 * @param closeChannelOnSyncTimeout  close the connection when a sync call times out (Apache default)
 * @param asyncPermits               async calls that may wait for a response at once
 * @param onewayPermits              oneway calls that may wait to be written at once
 * @param workerThreads              I/O event loop threads
 * @param callbackThreads            threads completing async futures (never the event loop)
 * @param maxFrameLength             largest accepted frame, counting the 4-byte length field
 * @param writeBufferLowWaterMark    reading resumes below this many queued bytes
 * @param writeBufferHighWaterMark   reading pauses above this many queued bytes
 */
public record RemotingClientConfig(String name, Duration connectTimeout, Duration idleTimeout,
                                   boolean closeChannelOnSyncTimeout, int asyncPermits, int onewayPermits,
                                   int workerThreads, int callbackThreads, int maxFrameLength,
                                   int writeBufferLowWaterMark, int writeBufferHighWaterMark) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(3000);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_PERMITS = 65535;

    public RemotingClientConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connectTimeout + ", " + idleTimeout);
        }
        if (asyncPermits < 1 || onewayPermits < 1 || workerThreads < 1 || callbackThreads < 1
                || maxFrameLength < 8) {
            throw new IllegalArgumentException("permits, thread counts must be >= 1 and maxFrameLength >= 8");
        }
        if (writeBufferLowWaterMark < 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("need 0 <= low water mark <= high water mark: "
                    + writeBufferLowWaterMark + ", " + writeBufferHighWaterMark);
        }
    }

    /** Connect timeout 3 s, idle 120 s, close on sync timeout, 65535 async and oneway permits. */
    public static RemotingClientConfig defaults() {
        return new RemotingClientConfig("remoting-client", DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT, true,
                DEFAULT_PERMITS, DEFAULT_PERMITS, 1, 4, FrameCodec.DEFAULT_MAX_FRAME_LENGTH,
                RemotingServerConfig.DEFAULT_LOW_WATER_MARK, RemotingServerConfig.DEFAULT_HIGH_WATER_MARK);
    }

    public RemotingClientConfig withName(String newName) {
        return new RemotingClientConfig(newName, connectTimeout, idleTimeout, closeChannelOnSyncTimeout,
                asyncPermits, onewayPermits, workerThreads, callbackThreads, maxFrameLength,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingClientConfig withConnectTimeout(Duration timeout) {
        return new RemotingClientConfig(name, timeout, idleTimeout, closeChannelOnSyncTimeout,
                asyncPermits, onewayPermits, workerThreads, callbackThreads, maxFrameLength,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingClientConfig withIdleTimeout(Duration timeout) {
        return new RemotingClientConfig(name, connectTimeout, timeout, closeChannelOnSyncTimeout,
                asyncPermits, onewayPermits, workerThreads, callbackThreads, maxFrameLength,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingClientConfig withCloseChannelOnSyncTimeout(boolean close) {
        return new RemotingClientConfig(name, connectTimeout, idleTimeout, close,
                asyncPermits, onewayPermits, workerThreads, callbackThreads, maxFrameLength,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingClientConfig withPermits(int async, int oneway) {
        return new RemotingClientConfig(name, connectTimeout, idleTimeout, closeChannelOnSyncTimeout,
                async, oneway, workerThreads, callbackThreads, maxFrameLength,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }

    public RemotingClientConfig withMaxFrameLength(int length) {
        return new RemotingClientConfig(name, connectTimeout, idleTimeout, closeChannelOnSyncTimeout,
                asyncPermits, onewayPermits, workerThreads, callbackThreads, length,
                writeBufferLowWaterMark, writeBufferHighWaterMark);
    }
}
