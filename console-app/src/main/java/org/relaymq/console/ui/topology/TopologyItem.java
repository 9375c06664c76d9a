package org.relaymq.console.ui.topology;

import org.relaymq.console.ui.Level;

/** One box of the topology: section (NameServers, a broker group, Clients), name, detail and a state badge. */
public record TopologyItem(String section, String name, String detail, String badge, Level level) {
}
