package org.relaymq.runtime.broker.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relaymq.runtime.broker.BrokerConfig;

/** The HA address a master advertises follows the address it advertises to clients unless set on its own. */
class AdvertisedHaAddressTest {

    @Test
    void anUnsetBrokerIp2FollowsBrokerIp1WhenTheCommandLineChangesIt() {
        BrokerConfig fromFile = BrokerConfig.builder().brokerIP1("10.1.2.3").build();
        BrokerConfig withIp = fromFile.toBuilder().brokerIP1("127.0.0.1").build();
        assertThat(withIp.haServerAddr(10912)).isEqualTo("127.0.0.1:10912");
    }

    @Test
    void anExplicitBrokerIp2IsKept() {
        BrokerConfig fromFile = BrokerConfig.builder().brokerIP1("10.1.2.3").brokerIP2("10.9.9.9").build();
        assertThat(fromFile.toBuilder().brokerIP1("127.0.0.1").build().haServerAddr(10912))
                .isEqualTo("10.9.9.9:10912");
    }
}
