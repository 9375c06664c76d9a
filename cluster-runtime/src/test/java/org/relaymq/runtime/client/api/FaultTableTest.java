package org.relaymq.runtime.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultTableTest {

    @Test
    void apache4xTable() {
        FaultTable t = FaultTable.APACHE_4X;
        assertThat(t.isolationMillis(10)).isZero();
        assertThat(t.isolationMillis(549)).isZero();
        assertThat(t.isolationMillis(550)).isEqualTo(30_000);
        assertThat(t.isolationMillis(1000)).isEqualTo(60_000);
        assertThat(t.isolationMillis(2500)).isEqualTo(120_000);
        assertThat(t.isolationMillis(3000)).isEqualTo(180_000);
        assertThat(t.isolationMillis(t.failureLatencyMillis())).isEqualTo(600_000);
    }

    @Test
    void apache5xTable() {
        FaultTable t = FaultTable.APACHE_5X;
        assertThat(t.isolationMillis(99)).isZero();
        assertThat(t.isolationMillis(550)).isEqualTo(2_000);
        assertThat(t.isolationMillis(1800)).isEqualTo(5_000);
        assertThat(t.isolationMillis(3000)).isEqualTo(6_000);
        assertThat(t.isolationMillis(5000)).isEqualTo(10_000);
        assertThat(t.isolationMillis(t.failureLatencyMillis())).isEqualTo(10_000);
        assertThat(t.isolationMillis(15_000)).isEqualTo(30_000);
    }
}
