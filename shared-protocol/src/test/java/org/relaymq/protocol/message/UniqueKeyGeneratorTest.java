package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UniqueKeyGeneratorTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final byte[] IP = {10, 1, 2, 3};

    private static long utc(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, UTC).toInstant().toEpochMilli();
    }

    @Test
    void layoutIsIpPidHashMonthMillisCounter() {
        long now = utc(2024, 3, 2, 0) + 5;
        UniqueKeyGenerator gen = new UniqueKeyGenerator(IP, 0x12345, 0xCAFEBABE, () -> now, UTC);
        long sinceMonth = 86_400_000L + 5;
        String expected = "0A010203" + "2345" + "CAFEBABE" + String.format("%08X", sinceMonth);
        assertThat(gen.next()).isEqualTo(expected + "0000");
        assertThat(gen.next()).isEqualTo(expected + "0001");
    }

    @Test
    void keysAreUniqueAndCounterWraps() {
        UniqueKeyGenerator gen = new UniqueKeyGenerator(IP, 1, 2, () -> 1_700_000_000_000L, UTC);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 65_536; i++) {
            seen.add(gen.next());
        }
        assertThat(seen).hasSize(65_536);
        assertThat(gen.next()).endsWith("0000");
    }

    @Test
    void monthStartIsRecomputedWhenTheMonthRolls() {
        AtomicLong clock = new AtomicLong(utc(2024, 1, 31, 23));
        UniqueKeyGenerator gen = new UniqueKeyGenerator(IP, 1, 2, clock::get, UTC);
        String january = gen.next();
        assertThat(UniqueKeyGenerator.parse(january, clock.get(), UTC).nearlyTimestamp()).isEqualTo(clock.get());
        clock.set(utc(2024, 2, 1, 0) + 10);
        String february = gen.next();
        assertThat(february.substring(20, 28)).isEqualTo("0000000A");
        assertThat(UniqueKeyGenerator.parse(february, clock.get(), UTC).nearlyTimestamp()).isEqualTo(clock.get());
    }

    @Test
    void parseGivesBackTheParts() throws Exception {
        long now = utc(2024, 5, 20, 12);
        String key = new UniqueKeyGenerator(IP, 4321, -7, () -> now, UTC).next();
        UniqueKeyGenerator.Parsed parsed = UniqueKeyGenerator.parse(key, now + 60_000, UTC);
        assertThat(parsed.ip()).isEqualTo(InetAddress.getByAddress(IP));
        assertThat(parsed.pid()).isEqualTo(4321);
        assertThat(parsed.classLoaderHash()).isEqualTo(-7);
        assertThat(parsed.counter()).isZero();
        assertThat(parsed.nearlyTimestamp()).isEqualTo(now);
    }

    @Test
    void aKeyFromLastMonthIsDatedLastMonth() {
        long then = utc(2024, 4, 28, 12);
        String key = new UniqueKeyGenerator(IP, 1, 2, () -> then, UTC).next();
        assertThat(UniqueKeyGenerator.parse(key, utc(2024, 5, 3, 0), UTC).nearlyTimestamp()).isEqualTo(then);
    }

    @Test
    void ipv6ClientsGive56Digits() {
        byte[] v6 = new byte[16];
        v6[15] = 1;
        String key = new UniqueKeyGenerator(v6, 1, 2, () -> 0L, UTC).next();
        assertThat(key).hasSize(56);
        assertThat(UniqueKeyGenerator.parse(key, 1L, UTC).ip().getAddress()).isEqualTo(v6);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> new UniqueKeyGenerator(new byte[5], 1, 2, () -> 0L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UniqueKeyGenerator.parse("ABC", 0, UTC)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> UniqueKeyGenerator.parse("Z".repeat(32), 0, UTC))
                .isInstanceOf(MalformedMessageException.class);
        assertThat(UniqueKeyGenerator.fakeIp(0x1122334455667788L)).containsExactly(0x55, 0x66, 0x77, (byte) 0x88);
    }
}
