package org.relaymq.runtime.broker.registration;

import java.util.Objects;
import java.util.Optional;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * What a slave learns from REGISTER_BROKER answers: its master's address and HA address. A change is
 * published as a ROLE event.
 */
final class MasterAddresses {

    private final EventSink events;
    private volatile String masterAddr;
    private volatile String haMasterAddr;

    MasterAddresses(EventSink events) {
        this.events = events;
    }

    synchronized void update(BrokerIdentity id, String newMaster, String newHa) {
        if (newMaster == null || newMaster.isEmpty()) {
            return;
        }
        if (Objects.equals(newMaster, masterAddr) && Objects.equals(newHa, haMasterAddr)) {
            return;
        }
        masterAddr = newMaster;
        haMasterAddr = newHa;
        publish(id);
    }

    private void publish(BrokerIdentity id) {
        events.publish(EventKind.ROLE, EventData.create()
                .put("brokerName", id.brokerName())
                .put("brokerId", id.brokerId())
                .put("role", "SLAVE")
                .put("masterAddr", masterAddr)
                .put("haMasterAddr", haMasterAddr)
                .build());
    }

    Optional<String> masterAddr() {
        return Optional.ofNullable(masterAddr);
    }

    Optional<String> haMasterAddr() {
        return Optional.ofNullable(haMasterAddr);
    }
}
