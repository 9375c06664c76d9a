package org.relaymq.runtime.broker.ha;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** "host:port" text for socket addresses and back. */
final class HaAddress {

    private HaAddress() {
    }

    static String of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** Parses "host:port". */
    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("not a host:port address: '" + address + "'");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1).trim());
            return InetSocketAddress.createUnresolved(address.substring(0, colon).trim(), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a host:port address: '" + address + "'", e);
        }
    }

    /** The same host with the port moved by {@code delta} (the master's VIP port is listen port − 2). */
    static String withPortDelta(String address, int delta) {
        InetSocketAddress a = parse(address);
        return a.getHostString() + ":" + (a.getPort() + delta);
    }
}
