package dev.dockwire.tools;

import java.util.List;
import java.util.Set;

/**
 * conntrack-tools 1.4.7's command line (src/conntrack.c): one command ({@code -L}, {@code -C},
 * {@code -F}, {@code -E}, {@code -D}) and the options dockwire's tables answer: {@code -p PROTO},
 * {@code -e EVENTS} (with {@code -E} only), {@code -o extended,timestamp,...}; its errors as it
 * words them (exit_error with PARAMETER_PROBLEM: exit status 2 and the "Try" line).
 */
final class ConntrackOptions {
    static final String VERSION = "conntrack v1.4.7 (conntrack-tools)";
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "sctp", "dccp", "udplite", "gre");
    private static final Set<String> OUTPUTS = Set.of("xml", "extended", "timestamp", "id", "ktimestamp", "labels", "userspace");

    String command;
    String proto;
    boolean eventNew = true;
    boolean eventUpdate = true;
    boolean eventDestroy = true;
    boolean extended;
    boolean timestamp;

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
                default -> throw problem("unknown option `" + a + "'");
            }
        }
        if (o.command == null && o.proto != null) {
            throw problem("Illegal option `--protonum' with this command");
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

    /** Whether {@code proto} (a number) passes {@code -p}. */
    boolean protoMatches(int protocol) {
        return proto == null || proto.equals(ConntrackFormat.protoName(protocol));
    }
}
