package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DelayLevelsTest {

    @Test
    void defaultLevels() {
        DelayLevels levels = DelayLevels.defaults();
        assertThat(levels.maxLevel()).isEqualTo(18);
        assertThat(levels.delayMillis(1)).isEqualTo(1_000);
        assertThat(levels.delayMillis(3)).isEqualTo(10_000);
        assertThat(levels.delayMillis(5)).isEqualTo(60_000);
        assertThat(levels.delayMillis(17)).isEqualTo(3_600_000);
        assertThat(levels.delayMillis(18)).isEqualTo(7_200_000);
        assertThat(levels.toMillisArray()).hasSize(18).startsWith(1_000, 5_000, 10_000, 30_000, 60_000, 120_000);
    }

    @Test
    void levelsAboveTheMaxAreClamped() {
        DelayLevels levels = DelayLevels.defaults();
        assertThat(levels.clamp(40)).isEqualTo(18);
        assertThat(levels.delayMillis(40)).isEqualTo(7_200_000);
        assertThat(levels.queueIdOf(40)).isEqualTo(17);
        assertThat(levels.queueIdOf(1)).isZero();
        assertThat(DelayLevels.levelOfQueueId(2)).isEqualTo(3);
        assertThat(levels.deliverTimestamp(1_000, 2)).isEqualTo(6_000);
    }

    @Test
    void retryLevelIsThreePlusReconsumeTimes() {
        assertThat(DelayLevels.retryLevel(0)).isEqualTo(3);
        assertThat(DelayLevels.retryLevel(1)).isEqualTo(4);
        assertThat(DelayLevels.defaults().delayMillis(DelayLevels.retryLevel(0))).isEqualTo(10_000);
    }

    @Test
    void customLevelsWithDays() {
        DelayLevels levels = DelayLevels.parse(" 2s  1d ");
        assertThat(levels.toMillisArray()).containsExactly(2_000, 86_400_000);
        assertThat(levels).isEqualTo(DelayLevels.parse("2s 1d"));
    }

    @Test
    void badConfigurationIsRejected() {
        for (String bad : new String[] {"", "   ", "5x", "s", "-1s", "0m", "1.5s", "99999999999999999d"}) {
            assertThatThrownBy(() -> DelayLevels.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
