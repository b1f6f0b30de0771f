package dev.dockwire.tools;

import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * conntrack-tools 1.4.7's command line (src/conntrack.c): one command ({@code -L}, {@code -C},
 * {@code -F}, {@code -E}, {@code -D}) and the options dockwire's tables answer: {@code -p PROTO},
 * {@code -e EVENTS} (with {@code -E} only), {@code -o extended,timestamp,...}, and the filters of
 * {@code -L}, {@code -D} and {@code -E}: the tuples' addresses ({@code -s}, {@code -d}, {@code -r},
 * {@code -q}, each ADDR or ADDR/LEN), NAT done ({@code -n}/{@code -g} [ADDR]) and, after {@code -p},
 * the protocol's own ({@code --sport}, {@code --dport}, {@code --reply-port-src}, {@code --reply-port-dst},
 * TCP's {@code --state}, ICMP's {@code --icmp-type}/{@code --icmp-code}/{@code --icmp-id}:
 * extensions/libct_proto_*.c, known only once {@code -p} named the protocol). Its errors as it
 * words them (exit_error with PARAMETER_PROBLEM: exit status 2 and the "Try" line).
 */
final class ConntrackOptions {
    static final String VERSION = "conntrack v1.4.7 (conntrack-tools)";
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "sctp", "dccp", "udplite", "gre");
    /** TCP's states as libct_proto_tcp.c names them for {@code --state} (case matters). */
    private static final Set<String> TCP_STATES = Set.of("NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
            "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "LISTEN");
    private static final Set<String> PORTED = Set.of("tcp", "udp", "sctp", "dccp", "udplite");
    private static final Set<String> OUTPUTS = Set.of("xml", "extended", "timestamp", "id", "ktimestamp", "labels", "userspace");

    String command;
    String proto;
    boolean eventNew = true;
    boolean eventUpdate = true;
    boolean eventDestroy = true;
    boolean extended;
    boolean timestamp;
    /** The filters given, with the canonical name conntrack's errors use ({@code src}, {@code dst}, ...). */
    private final List<Filter> filters = new ArrayList<>();

    private record Filter(String name, Predicate<ConntrackInfo> test) {
    }

    /** A command line conntrack refuses: its message and status. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        CommandResult result() {
            return new CommandResult(status, List.of(getMessage().split("\n")));
        }
    }

    private static Refused problem(String what) {
        return new Refused(2, VERSION + ": " + what + "\nTry `conntrack -h' or 'conntrack --help' for more information.");
    }

    static ConntrackOptions parse(List<String> args) {
        ConntrackOptions o = new ConntrackOptions();
        String mask = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-L", "--dump", "-C", "--count", "-F", "--flush", "-E", "--event", "-D", "--delete" -> {
                    String c = a.startsWith("--") ? shortName(a) : a;
                    if (o.command != null && !o.command.equals(c)) {
                        throw problem("Invalid commands combination");
                    }
                    o.command = c;
                }
                case "-p", "--proto", "-e", "--event-mask", "-o", "--output" -> {
                    if (i + 1 >= args.size()) {
                        throw problem("option `" + a + "' requires an argument");
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "-p", "--proto" -> {
                            if (!PROTOCOLS.contains(v)) {
                                throw problem("`" + v + "' unsupported protocol");
                            }
                            o.proto = v;
                        }
                        case "-e", "--event-mask" -> mask = v;
                        default -> output(o, v);
                    }
                }
                case "-s", "--orig-src", "--src" -> address(o, "src", args, ++i, a, c -> c.original().src());
                case "-d", "--orig-dst", "--dst" -> address(o, "dst", args, ++i, a, c -> c.original().dst());
                case "-r", "--reply-src" -> address(o, "reply-src", args, ++i, a, c -> c.reply().src());
                case "-q", "--reply-dst" -> address(o, "reply-dst", args, ++i, a, c -> c.reply().dst());
                case "-n", "--src-nat", "-g", "--dst-nat" -> {
                    // an optional value: the next word unless it is an option (conntrack.c's case 'n'/'g')
                    String v = i + 1 < args.size() && !args.get(i + 1).startsWith("-") ? args.get(++i) : null;
                    boolean snat = a.equals("-n") || a.equals("--src-nat");
                    int[] net = v == null ? null : network(v);
                    o.filters.add(new Filter(snat ? "src-nat" : "dst-nat", c -> {
                        // SNAT: replies come back to another address than the original source; DNAT: from another than the original destination
                        int nat = snat ? c.reply().dst() : c.reply().src();
                        int orig = snat ? c.original().src() : c.original().dst();
                        return nat != orig && (net == null || inNetwork(nat, net));
                    }));
                }
                default -> {
                    if (!protocolOption(o, args, i, a)) {
                        throw problem("unknown option `" + a + "'");
                    }
                    i++;
                }
            }
        }
        if (o.command == null && o.proto != null) {
            throw problem("Illegal option `--protonum' with this command");
        }
        if (o.command != null && (o.command.equals("-C") || o.command.equals("-F"))) {
            // CT_COUNT and CT_FLUSH take no option in conntrack.c's commands_v_options
            if (o.proto != null) {
                throw problem("Illegal option `--protonum' with this command");
            }
            if (!o.filters.isEmpty()) {
                throw problem("Illegal option `--" + o.filters.get(0).name() + "' with this command");
            }
        }
        if (o.command == null) {
            throw new Refused(2, VERSION + ": no command specified\nTry `conntrack -h' or 'conntrack --help' for more information.");
        }
        if (mask != null) {
            if (!o.command.equals("-E")) {
                throw problem("Illegal option `--event-mask' with this command");
            }
            events(o, mask);
        }
        return o;
    }

    private static String shortName(String longName) {
        return switch (longName) {
            case "--dump" -> "-L";
            case "--count" -> "-C";
            case "--flush" -> "-F";
            case "--event" -> "-E";
            default -> "-D";
        };
    }

    private static void output(ConntrackOptions o, String list) {
        for (String v : list.split(",")) {
            if (!OUTPUTS.contains(v)) {
                throw problem("Bad parameter `" + v + "'");
            }
            o.extended |= v.equals("extended");
            o.timestamp |= v.equals("timestamp");
        }
    }

    /** {@code -e NEW,UPDATES,DESTROY} or {@code ALL}: each a prefix of the name, any case (strncasecmp). */
    private static void events(ConntrackOptions o, String list) {
        o.eventNew = false;
        o.eventUpdate = false;
        o.eventDestroy = false;
        for (String v : list.split(",")) {
            String u = v.toUpperCase(java.util.Locale.ROOT);
            if (!u.isEmpty() && "ALL".startsWith(u)) {
                o.eventNew = true;
                o.eventUpdate = true;
                o.eventDestroy = true;
            } else if (!u.isEmpty() && "NEW".startsWith(u)) {
                o.eventNew = true;
            } else if (!u.isEmpty() && "UPDATES".startsWith(u)) {
                o.eventUpdate = true;
            } else if (!u.isEmpty() && "DESTROY".startsWith(u)) {
                o.eventDestroy = true;
            } else {
                throw problem("Bad parameter `" + v + "'");
            }
        }
    }

    /** Whether {@code c} passes {@code -p} and every filter given. */
    boolean matches(ConntrackInfo c) {
        if (proto != null && !proto.equals(ConntrackFormat.protoName(c.protocol()))) {
            return false;
        }
        for (Filter f : filters) {
            if (!f.test().test(c)) {
                return false;
            }
        }
        return true;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw problem("option `" + option + "' requires an argument");
        }
        return args.get(i);
    }

    /** {@code -s ADDR[/LEN]} and its kin: the tuple's address within the network. */
    private static void address(ConntrackOptions o, String name, List<String> args, int i, String option,
                                java.util.function.ToIntFunction<ConntrackInfo> field) {
        int[] net = network(value(args, i, option));
        o.filters.removeIf(f -> f.name().equals(name)); // the last one given counts
        o.filters.add(new Filter(name, c -> inNetwork(field.applyAsInt(c), net)));
    }

    /** ADDR or ADDR/LEN as {address, mask}; conntrack's words for a bad one. */
    private static int[] network(String text) {
        int slash = text.indexOf('/');
        Integer addr = Ipv4Address.tryParse(slash < 0 ? text : text.substring(0, slash));
        if (addr == null) {
            throw problem("Invalid IP address `" + text + "'");
        }
        int len = 32;
        if (slash >= 0) {
            try {
                len = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                len = -1;
            }
            if (len < 0 || len > 32) {
                throw problem("Invalid netmask");
            }
        }
        int mask = len == 0 ? 0 : -1 << (32 - len);
        return new int[] {addr & mask, mask};
    }

    private static boolean inNetwork(int addr, int[] net) {
        return (addr & net[1]) == net[0];
    }

    /**
     * The options the protocol named by {@code -p} adds (its extension's opts); false for one it lacks.
     * A port is read as the extensions read it (atoi, then 16 bits).
     */
    private static boolean protocolOption(ConntrackOptions o, List<String> args, int i, String a) {
        if (o.proto == null) {
            return false;
        }
        java.util.function.ToIntFunction<ConntrackInfo> field = null;
        if (PORTED.contains(o.proto)) {
            field = switch (a) {
                case "--sport", "--orig-port-src" -> c -> c.original().srcPort();
                case "--dport", "--orig-port-dst" -> c -> c.original().dstPort();
                case "--reply-port-src" -> c -> c.reply().srcPort();
                case "--reply-port-dst" -> c -> c.reply().dstPort();
                default -> null;
            };
        } else if (o.proto.equals("icmp")) {
            field = switch (a) {
                case "--icmp-type" -> c -> c.original().icmpType();
                case "--icmp-code" -> c -> c.original().icmpCode();
                case "--icmp-id" -> c -> c.original().icmpId();
                default -> null;
            };
        }
        if (field != null) {
            int want = atoi(value(args, i + 1, a)) & (a.startsWith("--icmp-t") || a.startsWith("--icmp-c") ? 0xFF : 0xFFFF);
            var f = field;
            o.filters.add(new Filter(a.substring(2), c -> f.applyAsInt(c) == want));
            return true;
        }
        if (a.equals("--state") && o.proto.equals("tcp")) {
            String state = value(args, i + 1, a);
            if (!TCP_STATES.contains(state)) {
                throw problem("unknown TCP state `" + state + "'");
            }
            o.filters.add(new Filter("state", c -> state.equals(c.tcpState())));
            return true;
        }
        return false;
    }

    /** C's atoi: the leading decimal digits (after a sign), 0 when there are none. */
    private static int atoi(String s) {
        int k = 0;
        boolean negative = k < s.length() && s.charAt(k) == '-';
        if (negative || k < s.length() && s.charAt(k) == '+') {
            k++;
        }
        long v = 0;
        while (k < s.length() && Character.isDigit(s.charAt(k)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(k++) - '0');
        }
        return (int) (negative ? -v : v);
    }
}
