package org.relaymq.runtime.broker.messaging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.RelayMqVersion;
import org.relaymq.protocol.body.KVTable;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.StoreStats;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * GET_BROKER_RUNTIME_INFO (28): a KVTable with the keys Apache's admin tools read (versions, put/get totals
 * and TPS as "10s 1m 10m", commit-log offsets and disk ratio, pool queue sizes, boot time) plus role and name.
 */
public final class GetBrokerRuntimeInfoHandler implements RequestHandler {

    private static final String VERSION_DESC = "V4_9_8";

    private final MessagingContext ctx;
    private final StoreStatsService stats;
    private final MessagingExecutors executors;
    private final long bootTimestamp;

    public GetBrokerRuntimeInfoHandler(MessagingContext ctx, StoreStatsService stats, MessagingExecutors executors,
                                       long bootTimestamp) {
        this.ctx = ctx;
        this.stats = stats;
        this.executors = executors;
        this.bootTimestamp = bootTimestamp;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, new KVTable(table()).encode());
    }

    Map<String, String> table() {
        StoreStats s = ctx.store().stats();
        StoreStatsService.Totals t = stats.totals();
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("brokerVersionDesc", VERSION_DESC);
        kv.put("brokerVersion", Integer.toString(RelayMqVersion.WIRE_VERSION));
        kv.put("relaymqVersion", RelayMqVersion.version());
        kv.put("brokerName", ctx.broker().brokerName());
        kv.put("brokerRole", ctx.role().get().name());
        kv.put("msgPutTotalYesterdayMorning", Long.toString(t.putYesterdayMorning()));
        kv.put("msgPutTotalTodayMorning", Long.toString(t.putTodayMorning()));
        kv.put("msgPutTotalTodayNow", Long.toString(s.putMessages()));
        kv.put("msgGetTotalYesterdayMorning", Long.toString(t.getYesterdayMorning()));
        kv.put("msgGetTotalTodayMorning", Long.toString(t.getTodayMorning()));
        kv.put("msgGetTotalTodayNow", Long.toString(s.getMessagesFound()));
        kv.put("putMessageTimesTotal", Long.toString(s.putMessages()));
        kv.put("putMessageSizeTotal", Long.toString(s.putBytes()));
        kv.put("putMessageAverageSize", Double.toString(s.putMessages() == 0 ? 0 : (double) s.putBytes()
                / s.putMessages()));
        kv.put("putTps", tps(true));
        kv.put("getTransferedTps", tps(false));
        kv.put("getFoundTps", tps(false));
        kv.put("getTotalTps", tps(false));
        kv.put("getMissTps", "0.00 0.00 0.00");
        kv.put("commitLogMinOffset", Long.toString(s.commitLogMinOffset()));
        kv.put("commitLogMaxOffset", Long.toString(s.commitLogMaxOffset()));
        kv.put("dispatchBehindBytes", Long.toString(Math.max(0, s.commitLogMaxOffset() - s.dispatchedOffset())));
        kv.put("remainHowManyDataToFlush", Long.toString(Math.max(0, s.commitLogMaxOffset() - s.flushedOffset())));
        double disk = s.diskUsage() == null ? -1 : s.diskUsage().usedRatio();
        kv.put("commitLogDiskRatio", Double.toString(disk));
        kv.put("consumeQueueDiskRatio", Double.toString(disk));
        kv.put("pageCacheLockTimeMills", "0");
        kv.put("earliestMessageTimeStamp", Long.toString(earliestMessageTime(s)));
        kv.put("startAcceptSendRequestTimeStamp", "0");
        kv.put("bootTimestamp", Long.toString(bootTimestamp));
        kv.put("runtime", uptime(ctx.time().wallMillis() - bootTimestamp));
        pool(kv, "send", executors.send());
        pool(kv, "pull", executors.pull());
        pool(kv, "query", executors.query());
        return kv;
    }

    private String tps(boolean put) {
        long[] windows = {10_000, 60_000, 600_000};
        StringBuilder sb = new StringBuilder();
        for (long w : windows) {
            double v = put ? stats.putTps(w) : stats.getTps(w);
            sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return sb.toString();
    }

    private long earliestMessageTime(StoreStats s) {
        if (s.commitLogMaxOffset() <= s.commitLogMinOffset()) {
            return 0;
        }
        return ctx.store().lookMessageByOffset(s.commitLogMinOffset()).map(m -> m.storeTimestamp()).orElse(0L);
    }

    private static void pool(Map<String, String> kv, String name, ExecutorService executor) {
        if (executor instanceof ThreadPoolExecutor tpe) {
            kv.put(name + "ThreadPoolQueueSize", Integer.toString(tpe.getQueue().size()));
            kv.put(name + "ThreadPoolQueueCapacity", Integer.toString(tpe.getQueue().size()
                    + tpe.getQueue().remainingCapacity()));
        }
        kv.put(name + "ThreadPoolQueueHeadWaitTimeMills", "0");
    }

    private static String uptime(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        return String.format(Locale.ROOT, "[ %d days, %d hours, %d minutes, %d seconds ]", seconds / 86400,
                seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    }
}
