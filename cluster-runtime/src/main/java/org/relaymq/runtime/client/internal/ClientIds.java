package org.relaymq.runtime.client.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.relaymq.runtime.common.net.HostAddresses;

/** The official clientID format {@code ip@instanceName}, instance name defaulting to {@code pid#nanos}. */
public final class ClientIds {

    private ClientIds() {
    }

    public static String localIp() {
        return HostAddresses.advertised("0.0.0.0");
    }

    public static String defaultInstanceName(long nanos) {
        return ProcessHandle.current().pid() + "#" + nanos;
    }

    public static String clientId(String ip, String instanceName) {
        return ip + "@" + instanceName;
    }

    /** The 4 (or 16) address bytes of {@code ip}, for UNIQ_KEY. */
    public static byte[] ipBytes(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return new byte[] {127, 0, 0, 1};
        }
    }
}
