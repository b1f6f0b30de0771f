package dev.dockwire.docker.driver;

import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;

/**
 * libnetwork's host driver (drivers/host): a container on the {@code host} network shares the
 * host's namespace, so there is nothing to build for the network or its endpoints; only the one
 * predefined network may exist.
 */
public final class HostDriver implements NetworkDriver {
    @Override
    public Network.Driver type() {
        return Network.Driver.HOST;
    }

    @Override
    public void createNetwork(Network n) {
        if (!n.predefined()) {
            throw new EngineException("only one instance of \"host\" network is allowed");
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
