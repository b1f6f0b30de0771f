package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a container's ports when it starts and withdraws them when it stops, the way the
 * bridge driver's ProgramExternalConnectivity does: host ports allocated, nat/filter rules
 * installed, and with the userland proxy on a docker-proxy per port. A failure undoes what was
 * done and reports Docker's error for the endpoint.
 */
final class PortPublisher {
    static final String HOST_BINDING_IPV4 = "com.docker.network.bridge.host_binding_ipv4";
    private final Kernel kernel;
    private final Iptabler iptabler;
    private final EngineProfile profile;
    private final PortAllocator allocator = new PortAllocator();
    private final Map<String, List<DockerProxy>> proxies = new LinkedHashMap<>();

    private final EventLoop loop;

    /** {@code loop}: where docker-proxy's UDP flows time out. */
    public PortPublisher(Kernel kernel, Iptabler iptabler, EngineProfile profile, EventLoop loop) {
        this.kernel = kernel;
        this.loop = loop;
        this.iptabler = iptabler;
        this.profile = profile;
    }

    /** Publishes {@code c}'s requested ports on endpoint {@code ep} (its first bridge network). */
    public void publish(Container c, Endpoint ep) {
        if (c.portSpecs().isEmpty()) {
            return;
        }
        List<PortBinding> bindings = new ArrayList<>();
        List<DockerProxy> started = new ArrayList<>();
        boolean rules = false;
        try {
            Ipv4Address defaultIp = defaultBindingIp(ep);
            for (PortSpec spec : c.portSpecs()) {
                PortSpec s = spec.hostIp() == null && defaultIp != null
                        ? new PortSpec(spec.proto(), defaultIp, spec.hostLow(), spec.hostHigh(), spec.containerPort()) : spec;
                int hostPort = allocator.allocate(s);
                bindings.add(new PortBinding(s.proto(), s.hostIp(), hostPort, ep.address(), s.containerPort(), ep.network()));
            }
            iptabler.addPorts(bindings);
            rules = true;
            if (iptabler.userlandProxy()) {
                for (PortBinding b : bindings) {
                    started.add(DockerProxy.start(b, kernel.sockets(Kernel.HOST), loop));
                }
            }
        } catch (EngineException e) {
            started.forEach(DockerProxy::stop);
            if (rules) {
                iptabler.removePorts(bindings);
            }
            bindings.forEach(allocator::release);
            String detail = "driver failed programming external connectivity on endpoint " + c.name()
                    + " (" + ep.id() + "): " + e.getMessage();
            throw new EngineException(profile == EngineProfile.DOCKER_28
                    ? "failed to set up container networking: " + detail : detail);
        }
        proxies.put(c.id(), started);
        c.published(bindings);
    }

    /**
     * The network's {@code com.docker.network.bridge.host_binding_ipv4} (the bridge driver's
     * DefaultBindingIP, libnetwork drivers/bridge): the address a port published without one binds;
     * null for the wildcard, which is also what the option's 0.0.0.0 means.
     */
    private static Ipv4Address defaultBindingIp(Endpoint ep) {
        String v = ep.network().options().get(HOST_BINDING_IPV4);
        Integer bits = v == null ? null : Ipv4Address.tryParse(v);
        return bits == null || bits == 0 ? null : Ipv4Address.of(bits);
    }

    /** Withdraws what {@link #publish} set up for {@code c}. */
    public void unpublish(Container c) {
        List<DockerProxy> ps = proxies.remove(c.id());
        if (ps != null) {
            ps.forEach(DockerProxy::stop);
        }
        if (!c.published().isEmpty()) {
            iptabler.removePorts(c.published());
            c.published().forEach(allocator::release);
            c.published(List.of());
        }
    }
}
