package org.relaymq.protocol.message;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Client-generated unique ids, the {@code UNIQ_KEY} property (protocol.md §5.4): uppercase hex of the
 * client IP, the low 16 bits of the pid, a class-loader hash, milliseconds since the start of the current
 * month (in {@code zone}) and a 16-bit per-instance counter. Thread-safe; one instance per client process.
 */
public final class UniqueKeyGenerator {

    private final byte[] prefix;
    private final LongSupplier wallMillis;
    private final ZoneId zone;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile MonthWindow window;

    /** Month start in the system default zone, like Apache clients. */
    public UniqueKeyGenerator(byte[] ip, int pid, int classLoaderHash, LongSupplier wallMillis) {
        this(ip, pid, classLoaderHash, wallMillis, ZoneId.systemDefault());
    }

    public UniqueKeyGenerator(byte[] ip, int pid, int classLoaderHash, LongSupplier wallMillis, ZoneId zone) {
        Objects.requireNonNull(ip, "ip");
        if (ip.length != 4 && ip.length != 16) {
            throw new IllegalArgumentException("client IP must be 4 or 16 bytes, got " + ip.length);
        }
        this.wallMillis = Objects.requireNonNull(wallMillis, "wallMillis");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.prefix = new byte[(ip.length + 6) * 2];
        int pos = Hex.putBytes(prefix, 0, ip);
        pos = Hex.putShort(prefix, pos, pid);
        Hex.putInt(prefix, pos, classLoaderHash);
        this.window = MonthWindow.containing(wallMillis.getAsLong(), zone);
    }

    /** A stand-in IPv4 address when the host has none: the low 4 bytes of the wall clock. */
    public static byte[] fakeIp(long wallMillis) {
        return Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(wallMillis).array(), 4, 8);
    }

    /** The next id: 32 hex digits for an IPv4 client, 56 for IPv6. */
    public String next() {
        long now = wallMillis.getAsLong();
        MonthWindow w = window;
        if (now >= w.nextStart() || now < w.start()) {
            w = MonthWindow.containing(now, zone);
            window = w;
        }
        byte[] out = Arrays.copyOf(prefix, prefix.length + 12);
        int pos = Hex.putInt(out, prefix.length, (int) (now - w.start()));
        Hex.putShort(out, pos, counter.getAndIncrement());
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses an id produced by this format. The timestamp is "nearly" exact: the id only holds the
     * offset into a month, taken as the current month in {@code zone} at {@code nowMillis}, or the
     * previous one when that would lie in the future.
     *
     * @throws MalformedMessageException unless the id is 32 or 56 hex digits
     */
    public static Parsed parse(String key, long nowMillis, ZoneId zone) {
        if (key == null || (key.length() != 32 && key.length() != 56)) {
            throw new MalformedMessageException("unique key must be 32 or 56 hex digits: " + key);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Hex.decode(key, "unique key"));
        byte[] ip = new byte[key.length() == 32 ? 4 : 16];
        bytes.get(ip);
        int pid = bytes.getShort() & 0xFFFF;
        int classLoaderHash = bytes.getInt();
        long sinceMonthStart = bytes.getInt() & 0xFFFFFFFFL;
        int count = bytes.getShort() & 0xFFFF;
        MonthWindow month = MonthWindow.containing(nowMillis, zone);
        long monthStart = month.start() + sinceMonthStart > nowMillis ? month.previousStart(zone) : month.start();
        return new Parsed(toAddress(ip), pid, classLoaderHash, monthStart + sinceMonthStart, count);
    }

    private static InetAddress toAddress(byte[] ip) {
        try {
            return ip.length == 4 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, -1);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("unique key holds a bad address");
        }
    }

    /** The parts of a unique key. */
    public record Parsed(InetAddress ip, int pid, int classLoaderHash, long nearlyTimestamp, int counter) {
    }

    private record MonthWindow(long start, long nextStart) {

        static MonthWindow containing(long millis, ZoneId zone) {
            LocalDate first = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().withDayOfMonth(1);
            ZonedDateTime start = first.atStartOfDay(zone);
            return new MonthWindow(start.toInstant().toEpochMilli(),
                    start.plusMonths(1).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
        }

        long previousStart(ZoneId zone) {
            return containing(start - 1, zone).start();
        }
    }
}
