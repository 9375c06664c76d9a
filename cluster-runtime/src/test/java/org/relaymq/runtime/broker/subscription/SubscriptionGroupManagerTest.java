package org.relaymq.runtime.broker.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.SubscriptionGroupWrapper;
import org.relaymq.runtime.common.time.ManualClock;

class SubscriptionGroupManagerTest {

    @TempDir
    Path configDir;

    private final ManualClock clock = new ManualClock();

    @Test
    void autoCreatesWithApacheDefaultsAndPersists() {
        SubscriptionGroupManager m = new SubscriptionGroupManager(configDir, clock, true).load();
        long before = m.dataVersion().counter();

        SubscriptionGroupConfig cg = m.findOrAutoCreate("cg").orElseThrow();
        m.findOrAutoCreate("cg");

        assertThat(cg).isEqualTo(SubscriptionGroupConfig.defaults("cg"));
        assertThat(cg.retryQueueNums()).isEqualTo(1);
        assertThat(cg.retryMaxTimes()).isEqualTo(16);
        assertThat(m.dataVersion().counter()).isEqualTo(before + 1);
        assertThat(Files.exists(configDir.resolve("subscriptionGroup.json"))).isTrue();

        SubscriptionGroupManager restarted = new SubscriptionGroupManager(configDir, clock, true).load();
        assertThat(restarted.find("cg")).contains(cg);
        assertThat(restarted.dataVersion()).isEqualTo(m.dataVersion());
        assertThat(restarted.find("TOOLS_CONSUMER")).isPresent();
    }

    @Test
    void withoutAutoCreationUnknownGroupsStayUnknown() {
        SubscriptionGroupManager m = new SubscriptionGroupManager(configDir, clock, false).load();
        assertThat(m.findOrAutoCreate("cg")).isEmpty();
        assertThat(m.find("cg")).isEmpty();
    }

    @Test
    void createOrUpdateBumpsOnlyOnChange() {
        SubscriptionGroupManager m = new SubscriptionGroupManager(configDir, clock, true).load();
        SubscriptionGroupConfig quiet = new SubscriptionGroupConfig(0, true, true, true, "g", false, 3, 2, 1);
        long before = m.dataVersion().counter();
        m.createOrUpdate(quiet);
        m.createOrUpdate(quiet);
        assertThat(m.dataVersion().counter()).isEqualTo(before + 1);
        assertThat(m.wrapper().subscriptionGroupTable().get("g")).isEqualTo(quiet);
        assertThat(m.delete("g")).isTrue();
        assertThat(m.delete("g")).isFalse();
        assertThatThrownBy(() -> m.createOrUpdate(SubscriptionGroupConfig.defaults(" ")))
                .hasMessageContaining("blank");
    }

    @Test
    void replaceAllWhenTheMastersVersionDiffers() {
        SubscriptionGroupManager m = new SubscriptionGroupManager(configDir, clock, true).load();
        SubscriptionGroupWrapper master = new SubscriptionGroupWrapper(new DataVersion(1, 2),
                Map.of("x", SubscriptionGroupConfig.defaults("x")));
        assertThat(m.replaceAll(master)).isTrue();
        assertThat(m.replaceAll(master)).isFalse();
        assertThat(m.groups()).containsOnlyKeys("x");
    }
}
