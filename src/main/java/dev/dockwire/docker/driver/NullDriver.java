package dev.dockwire.docker.driver;

import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;

/**
 * libnetwork's null driver (drivers/null), behind the {@code none} network: a container gets a
 * namespace with only its loopback, so there is nothing to build; only the one predefined network
 * may exist.
 */
public final class NullDriver implements NetworkDriver {
    @Override
    public Network.Driver type() {
        return Network.Driver.NULL;
    }

    @Override
    public void createNetwork(Network n) {
        if (!n.predefined()) {
            throw new EngineException("only one instance of \"null\" network is allowed");
        }
    }

    @Override
    public void deleteNetwork(Network n) {
    }

    @Override
    public Endpoint join(String containerId, Endpoint e, Ipv4Address address, String sandbox, String ifname) {
        return e;
    }

    @Override
    public void leave(String containerId, Endpoint e, String sandbox) {
    }
}
