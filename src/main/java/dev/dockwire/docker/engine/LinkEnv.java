package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.PortSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variables a legacy {@code --link NAME[:ALIAS]} gives a container on the default bridge (moby
 * daemon/container_operations_unix.go setupLinkedContainers, daemon/links/links.go ToEnv):
 * {@code ALIAS_PORT}, per exposed port {@code ALIAS_PORT_80_TCP} with its {@code _ADDR}, {@code _PORT}
 * and {@code _PROTO}, {@code _START}/{@code _END} for a run of consecutive ports, {@code ALIAS_NAME}
 * ({@code /PARENT/ALIAS}) and the linked container's Config.Env as {@code ALIAS_ENV_*} but HOME and PATH.
 * On a user-defined network a link is a DNS alias only: no variables.
 */
final class LinkEnv {
    private LinkEnv() {
    }

    /** A {@code --link NAME[:ALIAS]} resolved: the linked container and its endpoint on the default bridge. */
    record Linked(String name, String alias, Container child, Endpoint bridge) {
    }

    /**
     * {@code c}'s links to containers with an address on the default bridge, in the order given
     * (daemon/container_operations.go buildSandboxOptions); none off the default bridge, where a
     * link is a DNS alias instead.
     */
    static List<Linked> linked(Container c, Collection<Container> all) {
        List<Linked> out = new ArrayList<>();
        if (!c.networkMode().equals("bridge")) {
            return out;
        }
        for (String link : c.options().links()) {
            String[] parts = link.split(":", 2);
            String name = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            String alias = parts.length > 1 ? parts[1] : name;
            Container child = all.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            Endpoint e = child == null ? null : child.endpoints().get("bridge");
            if (e != null && e.address() != null) {
                out.add(new Linked(name, alias, child, e));
            }
        }
        return out;
    }

    /** The link variables of {@code c} among the containers {@code all}, in the order of its links. */
    static List<String> of(Container c, Collection<Container> all) {
        List<String> env = new ArrayList<>();
        if (c.endpoints().get("bridge") == null) {
            return env;
        }
        for (Linked l : linked(c, all)) {
            env.addAll(toEnv("/" + c.name() + "/" + l.alias(), l.bridge().address().toString(), childEnv(l.child()), exposedPorts(l.child())));
        }
        return env;
    }

    /** links.go ToEnv for the link named {@code name} ({@code /PARENT/ALIAS}) to a child at {@code childIp}. */
    static List<String> toEnv(String name, String childIp, List<String> childEnv, List<PortSpec> ports) {
        String alias = name.substring(name.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT).replace('-', '_');
        List<PortSpec> sorted = new ArrayList<>(ports);
        sorted.sort(TCP_FIRST); // withTCPPriority
        List<String> env = new ArrayList<>();
        PortSpec start = null;
        PortSpec end = null;
        for (int i = 0; i < sorted.size(); i++) {
            PortSpec p = sorted.get(i);
            if (i == 0) {
                start = p;
                end = p;
                env.add(alias + "_PORT=" + p.proto() + "://" + childIp + ":" + p.containerPort());
            }
            String prefix = alias + "_PORT_" + p.containerPort() + "_" + p.proto().toUpperCase(Locale.ROOT);
            env.add(prefix + "=" + p.proto() + "://" + childIp + ":" + p.containerPort());
            env.add(prefix + "_ADDR=" + childIp);
            env.add(prefix + "_PORT=" + p.containerPort());
            env.add(prefix + "_PROTO=" + p.proto());
            if (p.containerPort() == end.containerPort() + 1 && p.proto().equalsIgnoreCase(start.proto())) {
                end = p;
                if (i < sorted.size() - 1) {
                    continue;
                }
            }
            if (!end.equals(start)) {
                String range = alias + "_PORT_" + start.containerPort() + "_" + start.proto().toUpperCase(Locale.ROOT);
                env.add(range + "_START=" + start.proto() + "://" + childIp + ":" + start.containerPort());
                env.add(range + "_PORT_START=" + start.containerPort());
                env.add(range + "_END=" + end.proto() + "://" + childIp + ":" + end.containerPort());
                env.add(range + "_PORT_END=" + end.containerPort());
            }
            start = p;
            end = p;
        }
        env.add(alias + "_NAME=" + name);
        for (String v : childEnv) {
            int eq = v.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = v.substring(0, eq);
            if (!key.equals("HOME") && !key.equals("PATH")) {
                env.add(alias + "_ENV_" + key + "=" + v.substring(eq + 1));
            }
        }
        return env;
    }

    /** withTCPPriority: tcp before the other protocols, then by protocol name; by port within one. */
    private static final Comparator<PortSpec> TCP_FIRST = (a, b) -> {
        if (a.proto().equalsIgnoreCase(b.proto())) {
            return Integer.compare(a.containerPort(), b.containerPort());
        }
        if (a.proto().equalsIgnoreCase("tcp")) {
            return -1;
        }
        if (b.proto().equalsIgnoreCase("tcp")) {
            return 1;
        }
        return a.proto().toLowerCase(Locale.ROOT).compareTo(b.proto().toLowerCase(Locale.ROOT));
    };

    /** The child's Config.Env: its image's ENV with its {@code -e} replacing or appended (the create merge). */
    private static List<String> childEnv(Container child) {
        Map<String, String> env = new LinkedHashMap<>();
        ImageConfig image = Images.config(child);
        List<String> all = new ArrayList<>(image == null ? List.of() : image.env());
        all.addAll(child.env());
        for (String kv : all) {
            int eq = kv.indexOf('=');
            env.put(eq < 0 ? kv : kv.substring(0, eq), kv);
        }
        return List.copyOf(env.values());
    }

    /** The child's Config.ExposedPorts: its image's EXPOSE, its {@code --expose} and its {@code -p} ports (the client merges them). */
    private static List<PortSpec> exposedPorts(Container child) {
        Set<String> keys = new LinkedHashSet<>();
        ImageConfig image = Images.config(child);
        for (String p : image == null ? List.<String>of() : image.exposedPorts()) {
            PortSpec.exposed(p).forEach(s -> keys.add(s.key()));
        }
        keys.addAll(child.exposed());
        child.portSpecs().forEach(s -> keys.add(s.key()));
        List<PortSpec> out = new ArrayList<>();
        for (String k : keys) {
            out.addAll(PortSpec.exposed(k));
        }
        return out;
    }
}
