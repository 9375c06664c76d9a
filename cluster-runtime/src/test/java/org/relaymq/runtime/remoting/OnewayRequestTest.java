package org.relaymq.runtime.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.RemotingCommand;

/** Over a raw socket: the server writes nothing back for oneway requests, whatever happens to them. */
class OnewayRequestTest {

    private final RemotingTestKit kit = new RemotingTestKit("oneway");

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        kit.assertNoThreadsLeft();
    }

    @Test
    void onewayRequestsAreNeverAnswered() throws Exception {
        ExecutorService pool = kit.executor(1, 16);
        CountDownLatch handled = new CountDownLatch(2);
        NettyRemotingServer server = kit.server();
        server.registerHandler(RemotingRoundTripTest.ECHO, RemotingRoundTripTest::echo, pool);
        server.registerHandler(7120, (ctx, req) -> {
            handled.countDown();
            throw new IllegalStateException("oneway handler fails");
        }, pool);
        server.registerHandler(7121, (ctx, req) -> {
            handled.countDown();
            return RemotingCommand.responseTo(req, ResponseCode.SUCCESS, "must not be sent");
        }, pool);
        server.start();

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(FrameCodec.encode(RemotingCommand.request(9999, null).withOpaque(1).asOneway()));
            out.write(FrameCodec.encode(RemotingCommand.request(7120, null).withOpaque(2).asOneway()));
            out.write(FrameCodec.encode(RemotingCommand.request(7121, null).withOpaque(3).asOneway()));
            assertThat(handled.await(5, TimeUnit.SECONDS)).isTrue();
            out.write(FrameCodec.encode(RemotingRoundTripTest.request(RemotingRoundTripTest.ECHO, "x").withOpaque(4)));
            out.flush();

            RemotingCommand first = readFrame(new DataInputStream(socket.getInputStream()));

            assertThat(first.opaque()).isEqualTo(4);
            assertThat(first.isResponse()).isTrue();
            assertThat(first.code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    private static RemotingCommand readFrame(DataInputStream in) throws Exception {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return FrameCodec.decode(ByteBuffer.wrap(frame));
    }
}
