package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import java.util.List;

/**
 * What {@code docker create}/{@code docker run} asks for. {@code network} is {@code bridge}
 * (default), a network name, {@code host}, {@code none} or {@code container:NAME}; {@code ip}
 * and {@code aliases} apply to that first network.
 */
public record ContainerCreate(String name, String image, List<String> cmd, String network, Ipv4Address ip,
                              List<String> aliases, String hostname, List<String> extraHosts, List<String> dns) {

    public static ContainerCreate of(String name, String image, String network) {
        return new ContainerCreate(name, image, List.of(), network, null, List.of(), null, List.of(), List.of());
    }
}
