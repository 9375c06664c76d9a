package org.relaymq.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    @Test
    void readsUnitsAndBareMillis() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse(" 2M ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("1500")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsGarbageAndZeroWithAClearMessage() {
        assertThatThrownBy(() -> DurationConverter.parse("ten seconds"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("0s"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> DurationConverter.parse("-5s"))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
