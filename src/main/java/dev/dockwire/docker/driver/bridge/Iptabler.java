package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The iptables rules Docker's bridge driver installs on the host (libnetwork's iptabler), as
 * iptables command lines handed to the kernel seam, in the order and at the positions Docker
 * uses, so {@code iptables -S} and {@code iptables-save} read like a real host's.
 *
 * <p>{@code docker-28}: FORWARD jumps to DOCKER-USER then DOCKER-FORWARD, which runs DOCKER-CT
 * (RELATED,ESTABLISHED to a bridge), DOCKER-ISOLATION-STAGE-1/2 (no traffic between bridges),
 * DOCKER-BRIDGE (to the DOCKER chain of per-port ACCEPTs ending in a per-bridge default DROP),
 * then accepts what leaves a bridge; raw PREROUTING drops direct routed access to a container
 * with published ports. {@code docker-27}: the classic layout, per-bridge rules straight in
 * FORWARD and a hairpin MASQUERADE per published port. With the userland proxy off, the nat
 * rules also catch loopback and hairpin traffic (src-type LOCAL MASQUERADE, DNAT without
 * {@code ! -i BRIDGE}).
 */
final class Iptabler {
    /** One iptables rule: where it goes and its match/target words. */
    private record Rule(String table, String chain, boolean insert, int position, List<String> spec) {
        List<String> add() {
            List<String> argv = new ArrayList<>(List.of("-t", table, insert ? "-I" : "-A", chain));
            if (insert && position > 0) {
                argv.add(String.valueOf(position));
            }
            argv.addAll(spec);
            return argv;
        }

        List<String> delete() {
            List<String> argv = new ArrayList<>(List.of("-t", table, "-D", chain));
            argv.addAll(spec);
            return argv;
        }
    }

    private final Kernel kernel;
    private final EngineProfile profile;
    private boolean userlandProxy = true;

    public Iptabler(Kernel kernel, EngineProfile profile) {
        this.kernel = kernel;
        this.profile = profile;
    }

    public boolean userlandProxy() {
        return userlandProxy;
    }

    public void userlandProxy(boolean on) {
        userlandProxy = on;
    }

    /** What dockerd sets up at start, before any network: chains, jumps, the FORWARD policy. */
    public void init() {
        boolean v28 = profile == EngineProfile.DOCKER_28;
        List<String> chains = v28
                ? List.of("DOCKER", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD", "DOCKER-ISOLATION-STAGE-1",
                        "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER")
                : List.of("DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER");
        kernel.iptables(Kernel.HOST, List.of("-t", "nat", "-N", "DOCKER"));
        for (String c : chains) {
            kernel.iptables(Kernel.HOST, List.of("-t", "filter", "-N", c));
        }
        // setupIPForwarding: dockerd turned ip_forward on itself, so the FORWARD policy becomes DROP.
        kernel.iptables(Kernel.HOST, List.of("-t", "filter", "-P", "FORWARD", "DROP"));
        List<Rule> rules = new ArrayList<>();
        rules.add(append("nat", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "DOCKER"));
        rules.add(userlandProxy
                ? append("nat", "OUTPUT", "!", "-d", "127.0.0.0/8", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "DOCKER")
                : append("nat", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "DOCKER"));
        rules.add(append("filter", "FORWARD", "-j", "DOCKER-USER"));
        if (v28) {
            rules.add(append("filter", "FORWARD", "-j", "DOCKER-FORWARD"));
            rules.add(append("filter", "DOCKER-FORWARD", "-j", "DOCKER-CT"));
            rules.add(append("filter", "DOCKER-FORWARD", "-j", "DOCKER-ISOLATION-STAGE-1"));
            rules.add(append("filter", "DOCKER-FORWARD", "-j", "DOCKER-BRIDGE"));
        } else {
            rules.add(append("filter", "FORWARD", "-j", "DOCKER-ISOLATION-STAGE-1"));
            rules.add(append("filter", "DOCKER-ISOLATION-STAGE-1", "-j", "RETURN"));
            rules.add(append("filter", "DOCKER-ISOLATION-STAGE-2", "-j", "RETURN"));
        }
        rules.add(append("filter", "DOCKER-USER", "-j", "RETURN"));
        apply(rules);
    }

    /** The rules for a new bridge network (setupIPTables, setINC, setDefaultForwardRule). */
    public void addNetwork(Network n) {
        apply(networkRules(n));
    }

    /** Deletes what {@link #addNetwork} installed. */
    public void removeNetwork(Network n) {
        for (Rule r : networkRules(n)) {
            kernel.iptables(Kernel.HOST, r.delete());
        }
    }

    /** The DNAT, ACCEPT (and raw/hairpin) rules for a container's published ports. */
    void addPorts(List<PortBinding> bindings) {
        List<Rule> rules = portRules(bindings);
        // filterDirectAccess: one raw rule per container address, whatever its number of ports.
        for (Rule r : directAccessRules(bindings)) {
            if (!exists(r)) {
                rules.add(r);
            }
        }
        apply(rules);
    }

    void removePorts(List<PortBinding> bindings) {
        List<Rule> rules = portRules(bindings);
        for (Rule r : directAccessRules(bindings)) {
            if (exists(r) && !rules.contains(r)) {
                rules.add(r);
            }
        }
        for (Rule r : rules) {
            kernel.iptables(Kernel.HOST, r.delete());
        }
    }

    private List<Rule> networkRules(Network n) {
        String br = n.bridge();
        String subnet = n.subnet().network().toString();
        boolean icc = !"false".equals(n.options().get("com.docker.network.bridge.enable_icc"));
        boolean masquerade = !"false".equals(n.options().get("com.docker.network.bridge.enable_ip_masquerade"));
        List<Rule> rules = new ArrayList<>();
        if (n.internal()) {
            // Internal networks: nothing enters from or leaves to a different subnet.
            rules.add(insert("filter", "DOCKER-ISOLATION-STAGE-1", "!", "-d", subnet, "-i", br, "-j", "DROP"));
            rules.add(insert("filter", "DOCKER-ISOLATION-STAGE-1", "!", "-s", subnet, "-o", br, "-j", "DROP"));
            String forwardChain = profile == EngineProfile.DOCKER_28 ? "DOCKER-FORWARD" : "FORWARD";
            Rule icc28 = append("filter", forwardChain, "-i", br, "-o", br, "-j", icc ? "ACCEPT" : "DROP");
            rules.add(profile == EngineProfile.DOCKER_28 ? icc28 : insertAt("filter", "FORWARD", 3, icc28.spec()));
            return rules;
        }
        if (masquerade) {
            rules.add(insert("nat", "POSTROUTING", "-s", subnet, "!", "-o", br, "-j", "MASQUERADE"));
        }
        if (!userlandProxy) {
            rules.add(insert("nat", "POSTROUTING", "-o", br, "-m", "addrtype", "--src-type", "LOCAL", "-j", "MASQUERADE"));
        } else if (masquerade) {
            // The "skip DNAT" rule: traffic from the bridge to a published port goes to docker-proxy.
            // Inserted at the head of DOCKER, so the newest bridge's comes first (28's iptabler/network.go
            // programChainRule(skipDNAT, "SKIP DNAT", enable) calls Rule.Insert, as 20.10 did); only for
            // a network that masquerades (setupNonInternalNetworkRules: inside "if n.config.Masquerade").
            rules.add(insert("nat", "DOCKER", "-i", br, "-j", "RETURN"));
        }
        if (profile == EngineProfile.DOCKER_28) {
            rules.add(append("filter", "DOCKER", "!", "-i", br, "-o", br, "-j", "DROP"));
            rules.add(append("filter", "DOCKER-BRIDGE", "-o", br, "-j", "DOCKER"));
            rules.add(append("filter", "DOCKER-CT", "-o", br, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "ACCEPT"));
            rules.add(append("filter", "DOCKER-ISOLATION-STAGE-1", "-i", br, "!", "-o", br, "-j", "DOCKER-ISOLATION-STAGE-2"));
            rules.add(insert("filter", "DOCKER-ISOLATION-STAGE-2", "-o", br, "-j", "DROP"));
            if (icc) {
                rules.add(append("filter", "DOCKER-FORWARD", "-i", br, "-j", "ACCEPT"));
            } else {
                rules.add(append("filter", "DOCKER-FORWARD", "-i", br, "-o", br, "-j", "DROP"));
                rules.add(append("filter", "DOCKER-FORWARD", "-i", br, "!", "-o", br, "-j", "ACCEPT"));
            }
        } else {
            // Docker 27 inserts the network's FORWARD rules right below the DOCKER-USER and isolation jumps.
            List<List<String>> forward = List.of(
                    List.of("-o", br, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "ACCEPT"),
                    List.of("-o", br, "-j", "DOCKER"),
                    List.of("-i", br, "!", "-o", br, "-j", "ACCEPT"),
                    List.of("-i", br, "-o", br, "-j", icc ? "ACCEPT" : "DROP"));
            for (int i = forward.size() - 1; i >= 0; i--) {
                rules.add(insertAt("filter", "FORWARD", 3, forward.get(i)));
            }
            rules.add(insert("filter", "DOCKER-ISOLATION-STAGE-1", "-i", br, "!", "-o", br, "-j", "DOCKER-ISOLATION-STAGE-2"));
            rules.add(insert("filter", "DOCKER-ISOLATION-STAGE-2", "-o", br, "-j", "DROP"));
        }
        return rules;
    }

    /**
     * The rules of all {@code bindings}, each once: two host ports of one container port share their
     * ACCEPT (and hairpin MASQUERADE), as libnetwork's Rule.Insert and Rule.Append do nothing for a
     * rule that exists (iptables/iptables.go) and Rule.Delete nothing for one that is gone.
     */
    private List<Rule> portRules(List<PortBinding> bindings) {
        List<Rule> rules = new ArrayList<>();
        for (PortBinding b : bindings) {
            for (Rule r : portRules(b)) {
                if (!rules.contains(r)) {
                    rules.add(r);
                }
            }
        }
        return rules;
    }

    private List<Rule> portRules(PortBinding b) {
        String br = b.network().bridge();
        String ctr = b.containerIp() + "/32";
        String proto = b.proto();
        String cport = String.valueOf(b.containerPort());
        List<Rule> rules = new ArrayList<>();
        List<String> accept = List.of("-d", ctr, "!", "-i", br, "-o", br, "-p", proto, "-m", proto, "--dport", cport, "-j", "ACCEPT");
        // setPerPortForwarding: above the network's default DROP in docker-28, appended in docker-27.
        rules.add(profile == EngineProfile.DOCKER_28 ? insert("filter", "DOCKER", accept) : append("filter", "DOCKER", accept));
        boolean hairpinMasquerade = profile == EngineProfile.DOCKER_27 || !userlandProxy;
        if (hairpinMasquerade) {
            rules.add(append("nat", "POSTROUTING", "-s", ctr, "-d", ctr, "-p", proto, "-m", proto, "--dport", cport, "-j", "MASQUERADE"));
        }
        List<String> dnat = new ArrayList<>();
        if (b.hostIp() != null && b.hostIp().bits() != 0) { // an explicit 0.0.0.0 is unspecified: no -d (as moby's port rules)
            dnat.addAll(List.of("-d", b.hostIp() + "/32"));
        }
        if (userlandProxy) {
            dnat.addAll(List.of("!", "-i", br));
        }
        dnat.addAll(List.of("-p", proto, "-m", proto, "--dport", String.valueOf(b.hostPort()),
                "-j", "DNAT", "--to-destination", b.containerIp() + ":" + cport));
        rules.add(append("nat", "DOCKER", dnat));
        return rules;
    }

    private List<Rule> directAccessRules(List<PortBinding> bindings) {
        List<Rule> rules = new ArrayList<>();
        if (profile != EngineProfile.DOCKER_28) {
            return rules;
        }
        for (PortBinding b : bindings) {
            Rule r = append("raw", "PREROUTING", "-d", b.containerIp() + "/32", "!", "-i", b.network().bridge(), "-j", "DROP");
            if (!rules.contains(r)) {
                rules.add(r);
            }
        }
        return rules;
    }

    private boolean exists(Rule r) {
        List<String> argv = new ArrayList<>(List.of("-t", r.table(), "-C", r.chain()));
        argv.addAll(r.spec());
        try {
            kernel.iptables(Kernel.HOST, argv);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The rules' commands in order, as one batch of the kernel's (libnetwork runs them one by one; the tables end the same). */
    private void apply(List<Rule> rules) {
        if (!rules.isEmpty()) {
            kernel.iptablesAll(Kernel.HOST, rules.stream().map(Rule::add).toList());
        }
    }

    private static Rule append(String table, String chain, String... spec) {
        return new Rule(table, chain, false, 0, List.of(spec));
    }

    private static Rule append(String table, String chain, List<String> spec) {
        return new Rule(table, chain, false, 0, List.copyOf(spec));
    }

    private static Rule insert(String table, String chain, String... spec) {
        return new Rule(table, chain, true, 0, List.of(spec));
    }

    private static Rule insert(String table, String chain, List<String> spec) {
        return new Rule(table, chain, true, 0, List.copyOf(spec));
    }

    private static Rule insertAt(String table, String chain, int position, List<String> spec) {
        return new Rule(table, chain, true, position, List.copyOf(spec));
    }
}
