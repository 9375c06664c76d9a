package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.protocol.wire.SerializeType;

/**
 * Thousands of malformed inputs over raw sockets: each connection the server can tell is bad is
 * closed by it with exactly one warn line (no stack trace); a client connected all along keeps its
 * connection and its answers; a fresh well-formed request is answered; Netty's leak detector
 * (paranoid in tests) reports nothing.
 */
class MalformedInputIT {

    private static final int PER_KIND = 1000;
    private static final String LEAK_LOGGER = "io.netty.util.ResourceLeakDetector";

    private RemotingTestKit kit;
    private NettyRemotingServer server;
    private ExecutorService senders;
    private LogCapture closeLog;
    private LogCapture leakLog;

    @BeforeEach
    void setUp() {
        kit = new RemotingTestKit("malformed");
        server = kit.server();
        server.registerHandler(RemotingRoundTripTest.ECHO, RemotingRoundTripTest::echo, kit.executor(2, 1000));
        server.start();
        senders = kit.executor(8, PER_KIND);
        closeLog = LogCapture.of(CommandDispatcher.class, true);
        leakLog = LogCapture.of(LEAK_LOGGER, true);
    }

    @AfterEach
    void tearDown() throws Exception {
        closeLog.close();
        leakLog.close();
        kit.close();
        kit.assertNoThreadsLeft();
    }

    @Test
    void malformedConnectionsAreClosedAndTheServerKeepsServing() throws Exception {
        assertLeakReportsAreCaptured();
        NettyRemotingClient bystander = kit.client();
        String addr = RemotingTestKit.addr(server);
        String bystanderChannel = echo(bystander, addr).ext().get("channelId");

        expectClosedByServer("declared length over the limit", "frame length exceeds",
                i -> frameHeader(FrameCodec.DEFAULT_MAX_FRAME_LENGTH, 0));
        expectClosedByServer("sign bit set in the length (read unsigned: too long)", "frame length exceeds",
                i -> frameHeader(-1 - i, 0));
        expectClosedByServer("header length beyond the frame", "header length",
                i -> frame(SerializeType.JSON, 100 + i, new byte[8]));
        expectClosedByServer("unparseable JSON header", "JSON header",
                i -> jsonFrame("{\"code\":" + i + ",\"opaque\":[}"));
        expectClosedByServer("frame too short for a header tag", "no header tag",
                i -> ByteBuffer.allocate(4 + i % 4).putInt(i % 4).array());
        expectClosedByServer("bad compact header", "compact header", MalformedInputIT::badCompactFrame);
        expectClosedByServer("unknown serialize type", "unknown serialize type",
                i -> frameWithTag(0x7F000000 | 2, "{}"));
        assertThat(echo(bystander, addr).ext().get("channelId")).isEqualTo(bystanderChannel);

        sendThenHalfClose("truncated frame", i -> truncated());
        sendThenHalfClose("random bytes", MalformedInputIT::randomBytes);
        assertThat(closeLog.events()).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());

        try (NettyRemotingClient fresh = kit.client()) {
            assertThat(echo(fresh, addr).code()).isEqualTo(ResponseCode.SUCCESS);
        }
        assertThat(echo(bystander, addr).ext().get("channelId")).isEqualTo(bystanderChannel);
        assertNoLeakReported();
    }

    private static RemotingCommand echo(NettyRemotingClient client, String addr) throws Exception {
        return client.invokeSync(addr, RemotingRoundTripTest.request(RemotingRoundTripTest.ECHO, "ping"), 5000);
    }

    /** Every connection gets one bad input and must be closed by the server with one warn line. */
    private void expectClosedByServer(String kind, String reason, IntFunction<byte[]> input) throws Exception {
        closeLog.clear();
        List<Boolean> closedByServer = sendAll(input, false);
        List<ILoggingEvent> lines = closeLog.events();

        assertThat(closedByServer).as(kind).hasSize(PER_KIND).containsOnly(true);
        assertThat(lines).as(kind + ": one warn line per connection").hasSize(PER_KIND)
                .allSatisfy(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage()).startsWith("closing connection 127.0.0.1:")
                            .contains("malformed input").contains(reason);
                });
    }

    /** Inputs the server may not be able to judge until the peer stops sending: it must still cope. */
    private void sendThenHalfClose(String kind, IntFunction<byte[]> input) throws Exception {
        closeLog.clear();
        List<Boolean> closed = sendAll(input, true);
        assertThat(closed).as(kind).hasSize(PER_KIND).containsOnly(true);
        assertThat(closeLog.events()).as(kind + ": at most one line per connection").hasSizeLessThanOrEqualTo(PER_KIND);
    }

    private List<Boolean> sendAll(IntFunction<byte[]> input, boolean halfClose) throws Exception {
        List<Future<Boolean>> sends = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            byte[] bytes = input.apply(i);
            sends.add(senders.submit(() -> sendAndAwaitClose(bytes, halfClose)));
        }
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> f : sends) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    /** True when the server closed the connection (EOF or reset) within 10 s. */
    private boolean sendAndAwaitClose(byte[] bytes, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            try {
                return in.read(new byte[64]) == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    private static byte[] frameHeader(int declaredLength, int headerTag) {
        return ByteBuffer.allocate(16).putInt(declaredLength).putInt(headerTag).array();
    }

    private static byte[] frame(SerializeType type, int declaredHeaderLength, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).putInt(4 + rest.length)
                .putInt(FrameCodec.headerTag(type, declaredHeaderLength)).put(rest).array();
    }

    private static byte[] frameWithTag(int tag, String header) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length).putInt(4 + h.length).putInt(tag).put(h).array();
    }

    private static byte[] jsonFrame(String header) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return frame(SerializeType.JSON, h.length, h);
    }

    /** A compact header whose remark claims far more bytes than the header holds. */
    private static byte[] badCompactFrame(int i) {
        ByteBuffer h = ByteBuffer.allocate(2 + 1 + 2 + 4 + 4 + 4 + 3);
        h.putShort((short) 105).put((byte) 0).putShort((short) 409).putInt(i).putInt(0)
                .putInt(1_000_000 + i).put(new byte[] {'a', 'b', 'c'});
        return frame(SerializeType.ROCKETMQ, h.capacity(), h.array());
    }

    private static byte[] truncated() {
        byte[] full = FrameCodec.encode(RemotingRoundTripTest.request(RemotingRoundTripTest.ECHO, "cut short"));
        byte[] cut = new byte[full.length / 2];
        System.arraycopy(full, 0, cut, 0, cut.length);
        return cut;
    }

    private static byte[] randomBytes(int i) {
        Random random = new Random(i);
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Proves the capture works: a buffer dropped unreleased must show up as "LEAK:". */
    private void assertLeakReportsAreCaptured() {
        dropUnreleasedBuffer();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            provokeLeakCheck();
            return leakLog.messages().stream().anyMatch(m -> m.contains("LEAK:"));
        });
        leakLog.clear();
    }

    private void assertNoLeakReported() {
        for (int round = 0; round < 5; round++) {
            provokeLeakCheck();
        }
        assertThat(leakLog.messages()).noneMatch(m -> m.contains("LEAK:"));
    }

    private static void dropUnreleasedBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(32);
        leaked.writeInt(42);
    }

    /** Leaks are reported when a tracked buffer is allocated after the leaked one was collected. */
    private static void provokeLeakCheck() {
        System.gc();
        for (int i = 0; i < 200; i++) {
            PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
        }
    }
}
