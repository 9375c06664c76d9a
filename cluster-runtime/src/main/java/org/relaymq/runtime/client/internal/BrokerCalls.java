package org.relaymq.runtime.client.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.relaymq.protocol.body.GetConsumerListByGroupResponseBody;
import org.relaymq.protocol.body.HeartbeatData;
import org.relaymq.protocol.body.LockBatchRequestBody;
import org.relaymq.protocol.body.LockBatchResponseBody;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.relaymq.protocol.header.GetConsumerListByGroupRequestHeader;
import org.relaymq.protocol.header.GetMaxOffsetRequestHeader;
import org.relaymq.protocol.header.GetMaxOffsetResponseHeader;
import org.relaymq.protocol.header.GetMinOffsetRequestHeader;
import org.relaymq.protocol.header.GetMinOffsetResponseHeader;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetResponseHeader;
import org.relaymq.protocol.header.SearchOffsetRequestHeader;
import org.relaymq.protocol.header.SearchOffsetResponseHeader;
import org.relaymq.protocol.header.UnregisterClientRequestHeader;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.remoting.RemotingException;

/** The broker commands a client sends (protocol.md §4.2–4.3), typed. Remoting failures become code -1. */
public final class BrokerCalls {

    private final Transport transport;
    private final long timeoutMillis;

    public BrokerCalls(Transport transport, long timeoutMillis) {
        this.transport = transport;
        this.timeoutMillis = timeoutMillis;
    }

    public Transport transport() {
        return transport;
    }

    /** A sync call that must answer SUCCESS (or one of {@code alsoOk}). */
    public RemotingCommand call(String addr, int code, Map<String, String> ext, byte[] body, int... alsoOk)
            throws ClientException {
        RemotingCommand response;
        try {
            response = transport.invokeSync(addr, RemotingCommand.request(code, ext, body), timeoutMillis);
        } catch (RemotingException e) {
            throw new ClientException(ClientException.LOCAL, "request " + code + " to " + addr + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.LOCAL, "interrupted calling " + addr, e);
        }
        if (response.code() == ResponseCode.SUCCESS) {
            return response;
        }
        for (int ok : alsoOk) {
            if (response.code() == ok) {
                return response;
            }
        }
        throw new ClientException(response.code(), "request " + code + " to " + addr + " answered "
                + response.code() + ": " + response.remark());
    }

    public void oneway(String addr, int code, Map<String, String> ext, byte[] body) throws ClientException {
        try {
            transport.invokeOneway(addr, RemotingCommand.request(code, ext, body).asOneway(), timeoutMillis);
        } catch (RemotingException e) {
            throw new ClientException(ClientException.LOCAL, "oneway " + code + " to " + addr + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.LOCAL, "interrupted calling " + addr, e);
        }
    }

    public void heartbeat(String addr, HeartbeatData data) throws ClientException {
        call(addr, RequestCode.HEART_BEAT, null, data.encode());
    }

    public void unregister(String addr, String clientId, String producerGroup, String consumerGroup)
            throws ClientException {
        call(addr, RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup).toExt(), null);
    }

    /** The stored offset, or -1 when the broker has none (22) — 4.x clients treat any error that way too. */
    public long queryConsumerOffset(String addr, String group, MessageQueue mq) throws ClientException {
        RemotingCommand r = call(addr, RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(group, mq.topic(), mq.queueId()).toExt(), null,
                ResponseCode.QUERY_NOT_FOUND);
        return r.code() == ResponseCode.QUERY_NOT_FOUND ? -1 : QueryConsumerOffsetResponseHeader.fromExt(r.ext())
                .offset();
    }

    public void updateConsumerOffsetOneway(String addr, String group, MessageQueue mq, long offset)
            throws ClientException {
        oneway(addr, RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(group, mq.topic(), mq.queueId(), offset).toExt(), null);
    }

    public void updateConsumerOffset(String addr, String group, MessageQueue mq, long offset) throws ClientException {
        call(addr, RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(group, mq.topic(), mq.queueId(), offset).toExt(), null);
    }

    public long maxOffset(String addr, MessageQueue mq) throws ClientException {
        return GetMaxOffsetResponseHeader.fromExt(call(addr, RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(mq.topic(), mq.queueId()).toExt(), null).ext()).offset();
    }

    public long minOffset(String addr, MessageQueue mq) throws ClientException {
        return GetMinOffsetResponseHeader.fromExt(call(addr, RequestCode.GET_MIN_OFFSET,
                new GetMinOffsetRequestHeader(mq.topic(), mq.queueId()).toExt(), null).ext()).offset();
    }

    public long searchOffset(String addr, MessageQueue mq, long timestamp) throws ClientException {
        return SearchOffsetResponseHeader.fromExt(call(addr, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(mq.topic(), mq.queueId(), timestamp, null).toExt(), null).ext())
                .offset();
    }

    public List<String> consumerIds(String addr, String group) throws ClientException {
        RemotingCommand r = call(addr, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new GetConsumerListByGroupRequestHeader(group).toExt(), null);
        return GetConsumerListByGroupResponseBody.decode(r.body()).consumerIdList();
    }

    public void sendBack(String addr, ConsumerSendMsgBackRequestHeader header) throws ClientException {
        call(addr, RequestCode.CONSUMER_SEND_MSG_BACK, header.toExt(), null);
    }

    public Set<MessageQueue> lock(String addr, LockBatchRequestBody body) throws ClientException {
        return LockBatchResponseBody.decode(call(addr, RequestCode.LOCK_BATCH_MQ, null, body.encode()).body())
                .lockOKMQSet();
    }

    public void unlock(String addr, LockBatchRequestBody body) throws ClientException {
        call(addr, RequestCode.UNLOCK_BATCH_MQ, null, body.encode());
    }

    public CompletableFuture<RemotingCommand> pull(String addr, PullMessageRequestHeader header, long timeout) {
        return transport.invokeAsync(addr, RemotingCommand.request(RequestCode.PULL_MESSAGE, header.toExt()), timeout);
    }
}
