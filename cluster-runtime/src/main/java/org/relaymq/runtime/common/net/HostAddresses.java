package org.relaymq.runtime.common.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The address a node tells others to reach it at. */
public final class HostAddresses {

    private HostAddresses() {
    }

    /**
     * {@code bindHost} itself unless it is a wildcard; for a wildcard, this machine's first
     * non-loopback IPv4 address that is up, else 127.0.0.1.
     */
    public static String advertised(String bindHost) {
        if (!"0.0.0.0".equals(bindHost) && !"::".equals(bindHost) && !bindHost.isBlank()) {
            return bindHost;
        }
        return firstSiteAddress();
    }

    private static String firstSiteAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: loopback is the honest answer
        }
        return "127.0.0.1";
    }
}
