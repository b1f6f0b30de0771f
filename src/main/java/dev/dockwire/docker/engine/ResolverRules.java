package dev.dockwire.docker.engine;

import dev.dockwire.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The nat rules Docker puts in a container's namespace for its embedded DNS server (libnetwork's
 * {@code resolver_unix.go}, iptables backend): the resolver listens on 127.0.0.11 at random UDP
 * and TCP ports, {@code DOCKER_OUTPUT} DNATs queries to 127.0.0.11:53 there, and
 * {@code DOCKER_POSTROUTING} SNATs the resolver's own packets back to port 53. Docker runs them as
 * separate {@code iptables} commands inside the namespace, each rule inserted with {@code -I}, so
 * {@code iptables -t nat -S} lists TCP before UDP:
 * <pre>
 * -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT
 * -A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING
 * -A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:TCPPORT
 * -A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:UDPPORT
 * -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport TCPPORT -j SNAT --to-source :53
 * -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport UDPPORT -j SNAT --to-source :53
 * </pre>
 */
final class ResolverRules {
    static final String OUTPUT_CHAIN = "DOCKER_OUTPUT";
    static final String POSTROUTING_CHAIN = "DOCKER_POSTROUTING";
    private static final String DNS_PORT = "53";

    private ResolverRules() {
    }

    /** The iptables commands in the order Docker runs them, for a resolver at {@code ip} (dotted quad). */
    static List<List<String>> commands(String ip, int udpPort, int tcpPort) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("-t", "nat", "-N", OUTPUT_CHAIN));
        out.add(List.of("-t", "nat", "-I", "OUTPUT", "-d", ip, "-j", OUTPUT_CHAIN));
        out.add(List.of("-t", "nat", "-N", POSTROUTING_CHAIN));
        out.add(List.of("-t", "nat", "-I", "POSTROUTING", "-d", ip, "-j", POSTROUTING_CHAIN));
        out.add(dnat(ip, "udp", udpPort));
        out.add(snat(ip, "udp", udpPort));
        out.add(dnat(ip, "tcp", tcpPort));
        out.add(snat(ip, "tcp", tcpPort));
        return out;
    }

    private static List<String> dnat(String ip, String proto, int port) {
        return List.of("-t", "nat", "-I", OUTPUT_CHAIN, "-d", ip, "-p", proto, "--dport", DNS_PORT,
                "-j", "DNAT", "--to-destination", ip + ":" + port);
    }

    private static List<String> snat(String ip, String proto, int port) {
        return List.of("-t", "nat", "-I", POSTROUTING_CHAIN, "-s", ip, "-p", proto, "--sport", Integer.toString(port),
                "-j", "SNAT", "--to-source", ":" + DNS_PORT);
    }

    /**
     * Programs the rules into namespace {@code ns} through the kernel seam, the commands in Docker's order,
     * by the namespace's first packet or iptables command ({@link Kernel#iptablesAllOnFirstUse}): a
     * container that never sends a packet never parses them (a third of a 100,000-container boot's time).
     */
    static void install(Kernel kernel, String ns, String ip, int udpPort, int tcpPort) {
        kernel.iptablesAllOnFirstUse(ns, () -> commands(ip, udpPort, tcpPort));
    }
}
