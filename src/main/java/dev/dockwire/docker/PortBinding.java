package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;

/**
 * A published port after allocation: {@code hostIp:hostPort} on the Docker host forwards to
 * {@code containerIp:containerPort}/{@code proto} on {@code network}'s bridge.
 */
public record PortBinding(String proto, Ipv4Address hostIp, int hostPort, Ipv4Address containerIp, int containerPort,
                          Network network) {

    /** 0.0.0.0 when bound to every address, as Docker prints it. */
    public String hostIpText() {
        return hostIp == null ? "0.0.0.0" : hostIp.toString();
    }

    public String key() {
        return containerPort + "/" + proto;
    }

    /** {@code 0.0.0.0:8080->80/tcp}, a piece of the PORTS column of {@code docker ps}. */
    public String psText() {
        return hostIpText() + ":" + hostPort + "->" + containerPort + "/" + proto;
    }
}
