package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaymq.runtime.common.TimingProfile;

class NamesrvConfigTest {

    @Test
    void defaultsAreTheClassicApacheTimings() {
        NamesrvConfig c = NamesrvConfig.defaults();

        assertThat(c.scanInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.brokerExpiry()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.routeServedFlush()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.profileName()).isEqualTo("classic");
    }

    @Test
    void profilesCarryTheDocumentedTimings() {
        assertThat(TimingProfile.byName("Classroom")).contains(TimingProfile.CLASSROOM);
        assertThat(TimingProfile.byName("nope")).isEmpty();
        TimingProfile p = TimingProfile.CLASSROOM;
        assertThat(p.brokerRegisterInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.namesrvScanInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.brokerExpiry()).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.clientRoutePollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.clientHeartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(TimingProfile.CLASSIC.brokerRegisterInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(NamesrvConfig.fromProfile(p).brokerExpiry()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aSilentConnectionOutlivesTheFirstScanAfterTheExpirySoTheScanReportsIt() {
        assertThat(NamesrvConfig.defaults().connectionIdleTimeout()).isEqualTo(Duration.ofSeconds(140));
        assertThat(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM).connectionIdleTimeout())
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(NamesrvConfig.defaults().withBrokerExpiry(Duration.ofSeconds(300)).connectionIdleTimeout())
                .isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void rejectsNonPositiveDurations() {
        assertThatThrownBy(() -> NamesrvConfig.defaults().withBrokerExpiry(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NamesrvConfig.defaults().withScanInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
