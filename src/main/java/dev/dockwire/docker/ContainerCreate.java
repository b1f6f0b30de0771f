package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import java.util.List;

/**
 * What {@code docker create}/{@code docker run} asks for. {@code network} is {@code bridge}
 * (default), a network name, {@code host}, {@code none} or {@code container:NAME}; {@code ip}
 * and {@code aliases} apply to that first network. {@code publish} holds {@code -p} specs as the
 * docker CLI takes them ({@code [ip:][hostPort[-end]:]containerPort[-end][/proto]}),
 * {@code publishAll} is {@code -P} and {@code expose} the image's and {@code --expose} ports.
 */
public record ContainerCreate(String name, String image, List<String> cmd, String network, Ipv4Address ip,
                              List<String> aliases, String hostname, List<String> extraHosts, List<String> dns,
                              List<String> publish, boolean publishAll, List<String> expose) {

    public ContainerCreate(String name, String image, List<String> cmd, String network, Ipv4Address ip,
                           List<String> aliases, String hostname, List<String> extraHosts, List<String> dns) {
        this(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, List.of(), false, List.of());
    }

    public static ContainerCreate of(String name, String image, String network) {
        return new ContainerCreate(name, image, List.of(), network, null, List.of(), null, List.of(), List.of());
    }

    /** The same request with {@code -p} specs, {@code -P} and exposed ports. */
    public ContainerCreate withPorts(List<String> publish, boolean publishAll, List<String> expose) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns,
                List.copyOf(publish), publishAll, List.copyOf(expose));
    }
}
