package dev.dockwire.topology;

import java.util.Map;
import java.util.Set;

/**
 * Reads a compose file's {@code networks:} entries: {@code driver} (bridge, macvlan or overlay; 
 * ipvlan refused as not supported yet), {@code driver_opts} (macvlan's {@code parent}, ...), {@code ipam.config[0]} (subnet,
 * gateway, ip_range), {@code internal}, {@code attachable}, {@code labels}, {@code name} and
 * {@code external} ({@code true} or the legacy {@code {name: X}}).
 */
final class ComposeNetworks {
    static final String DEFAULT = "default";
    private static final Set<String> NETWORK_KEYS = Set.of("driver", "driver_opts", "ipam", "internal", "external",
            "attachable", "name", "labels", "enable_ipv6");

    private final YamlFields f;
    private final ComposeNotes notes;

    ComposeNetworks(YamlFields f, ComposeNotes notes) {
        this.f = f;
        this.notes = notes;
    }

    /** The {@code default} network a project gets when a service uses it without declaring it. */
    static ComposeProject.NetworkDef implied(String project, int line) {
        return new NetworkBuilder(DEFAULT, project + "_" + DEFAULT, line).build();
    }

    /** A network definition being read; the {@code default} network may be implied. */
    private static final class NetworkBuilder {
        final String key;
        String name;
        final int line;
        String driver = "bridge";
        Map<String, String> options = Map.of();
        String subnet;
        String gateway;
        String ipRange;
        boolean internal;
        boolean external;
        boolean attachable;
        Map<String, String> labels = Map.of();

        NetworkBuilder(String key, String name, int line) {
            this.key = key;
            this.name = name;
            this.line = line;
        }

        ComposeProject.NetworkDef build() {
            return new ComposeProject.NetworkDef(key, name, driver, options, subnet, gateway, ipRange, internal, external,
                    attachable, labels, line);
        }
    }

    /** The network declared under {@code key} in project {@code project}. */
    ComposeProject.NetworkDef network(String project, String key, YamlNode node) {
        String path = "networks." + key;
        f.checkName(node, path, key);
        NetworkBuilder b = new NetworkBuilder(key, project + "_" + key, node.line());
        if (node.value() == null) {
            return b.build();
        }
        f.requireMap(node, path);
        f.checkKeys(node.map(), NETWORK_KEYS, path);
        Map<String, YamlNode> m = node.map();
        String explicitName = f.optional(node, "name", path);
        YamlNode ext = m.get("external");
        if (ext != null && ext.isMap()) {
            f.checkKeys(ext.map(), Set.of("name"), path + ".external");
            b.external = true;
            explicitName = explicitName != null ? explicitName : f.optional(ext, "name", path + ".external");
        } else if (ext != null) {
            b.external = f.bool(ext, path + ".external");
        }
        b.name = explicitName != null ? explicitName : b.external ? key : b.name;
        String driver = f.optional(node, "driver", path);
        if (driver != null) {
            switch (driver) {
                case "bridge", "macvlan", "overlay" -> b.driver = driver;
                case "ipvlan" -> throw f.error(m.get("driver"), path + ".driver", "driver \""
                        + driver + "\" is not supported yet; use bridge (the default), macvlan or overlay");
                default -> throw f.error(m.get("driver"), path + ".driver", "unknown driver \"" + driver
                        + "\"; valid: bridge, macvlan, overlay (ipvlan is not supported yet)");
            }
        }
        if (b.external) {
            for (String k : m.keySet()) {
                if (!k.equals("external") && !k.equals("name")) {
                    throw f.error(m.get(k), path + "." + k, "conflicting parameters \"external\" and \"" + k
                            + "\" specified for network \"" + key + "\"");
                }
            }
            return b.build();
        }
        if (m.containsKey("driver_opts")) {
            b.options = f.stringMap(m.get("driver_opts"), path + ".driver_opts");
        }
        if (m.containsKey("labels")) {
            b.labels = f.keyValues(m.get("labels"), path + ".labels");
        }
        b.internal = m.containsKey("internal") && f.bool(m.get("internal"), path + ".internal");
        b.attachable = m.containsKey("attachable") && f.bool(m.get("attachable"), path + ".attachable");
        if (m.containsKey("enable_ipv6") && f.bool(m.get("enable_ipv6"), path + ".enable_ipv6")) {
            notes.note(m.get("enable_ipv6"), path + ".enable_ipv6", "ignored (dockwire is IPv4 only)");
        }
        YamlNode ipam = m.get("ipam");
        if (ipam != null && ipam.value() != null) {
            ipam(b, ipam, path + ".ipam");
        }
        return b.build();
    }

    private void ipam(NetworkBuilder b, YamlNode ipam, String path) {
        f.requireMap(ipam, path);
        f.checkKeys(ipam.map(), Set.of("driver", "config", "options"), path);
        String driver = f.optional(ipam, "driver", path);
        if (driver != null && !driver.equals(DEFAULT)) {
            throw f.error(ipam.map().get("driver"), path + ".driver", "IPAM driver \"" + driver
                    + "\" is not supported; valid: default");
        }
        YamlNode config = ipam.map().get("config");
        if (config == null || config.value() == null) {
            return;
        }
        if (!config.isList()) {
            throw f.error(config, path + ".config", "expected a list of {subnet, gateway, ip_range}");
        }
        if (config.list().size() > 1) {
            throw f.error(config.list().get(1), path + ".config[1]", "only one IPv4 subnet per network is modelled");
        }
        for (int i = 0; i < config.list().size(); i++) {
            YamlNode c = config.list().get(i);
            String p = path + ".config[" + i + "]";
            f.requireMap(c, p);
            f.checkKeys(c.map(), Set.of("subnet", "gateway", "ip_range", "aux_addresses"), p);
            b.subnet = f.optional(c, "subnet", p);
            if (b.subnet != null) {
                f.checkSubnet(c.map().get("subnet"), p + ".subnet", b.subnet);
            }
            b.gateway = f.optional(c, "gateway", p);
            if (b.gateway != null) {
                f.checkAddress(c.map().get("gateway"), p + ".gateway", b.gateway);
            }
            b.ipRange = f.optional(c, "ip_range", p);
            if (b.ipRange != null) {
                f.checkSubnet(c.map().get("ip_range"), p + ".ip_range", b.ipRange);
            }
            if ((b.gateway != null || b.ipRange != null) && b.subnet == null) {
                throw f.error(c, p, "gateway and ip_range need a subnet");
            }
            if (c.map().containsKey("aux_addresses")) {
                notes.note(c.map().get("aux_addresses"), p + ".aux_addresses", "ignored (no addresses are reserved)");
            }
        }
    }
}
