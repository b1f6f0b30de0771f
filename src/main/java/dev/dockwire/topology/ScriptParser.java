package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a script: one command per line, {@code \} continuations, {@code #} comments, blank
 * lines; a command whose here-document, quote or trailing {@code |}/{@code &&}/{@code ||} goes
 * on ({@link CommandText}) takes the following lines too. Expectations are comments after a
 * command, so the same file still runs in bash on a real Docker host:
 * <pre>
 * docker exec a ping -c 1 172.19.0.2
 * # expect: status 1
 * # expect: contains 100% packet loss
 * # expect: matches ^PING 172\.19
 * # expect: not-contains ttl=
 * # expect: any            (any exit status)
 * </pre>
 * Without an expectation a command must exit 0. {@code # dockwire: seed N} sets the seed.
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    public static Script parse(String file, String name, String text) {
        List<Script.Command> commands = new ArrayList<>();
        List<Script.ImageDecl> images = new ArrayList<>();
        long seed = 1;
        long stepTimeout = Script.STEP_TIMEOUT_SECONDS;
        Daemon daemon = Daemon.DEFAULT;
        Topology.CaptureSpec capture = new Topology.CaptureSpec(true, null);
        String[] lines = text.split("\r?\n", -1);
        StringBuilder pending = null;
        CommandText.Need need = CommandText.Need.NOTHING;
        int pendingLine = 0;
        Builder current = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int lineNo = i + 1;
            if (pending != null) {
                appendLine(pending, need, raw);
                need = CommandText.need(pending.toString());
                if (need == CommandText.Need.NOTHING) {
                    current = new Builder(pending.toString().trim(), pendingLine);
                    commands.add(null);
                    pending = null;
                }
                continue;
            }
            String t = raw.trim();
            if (t.isEmpty() || t.startsWith("#!")) {
                continue;
            }
            if (t.startsWith("#")) {
                String c = t.substring(1).trim();
                if (c.startsWith("expect:")) {
                    if (current == null) {
                        throw new TopologyException(file, lineNo, "expect", "an expectation must follow a command");
                    }
                    current.expect(file, lineNo, c.substring("expect:".length()).trim());
                } else if (c.startsWith("dockwire:")) {
                    String d = c.substring("dockwire:".length()).trim();
                    if (d.startsWith("seed ")) {
                        try {
                            seed = Long.parseLong(d.substring(5).trim());
                        } catch (NumberFormatException e) {
                            throw new TopologyException(file, lineNo, "dockwire: seed", "expected an integer, got \"" + d.substring(5).trim() + "\"");
                        }
                    } else if (d.startsWith("step-timeout ")) {
                        try {
                            stepTimeout = Long.parseLong(d.substring(13).trim());
                        } catch (NumberFormatException e) {
                            stepTimeout = -1;
                        }
                        if (stepTimeout <= 0) {
                            throw new TopologyException(file, lineNo, "dockwire: step-timeout",
                                    "expected a number of seconds > 0, got \"" + d.substring(13).trim() + "\"");
                        }
                    } else if (d.startsWith("image ")) {
                        images.add(image(file, lineNo, d.substring(6).trim()));
                    } else if (d.startsWith("hosts ")) {
                        String[] w = d.substring(6).trim().split("\\s+");
                        daemon = daemon.withHosts(hosts(file, lineNo, w[0]));
                        if (w.length == 3 && w[1].equals("subnets")) {
                            daemon = daemon.withSubnets(subnets(file, lineNo, w[2], daemon.hosts()));
                        } else if (w.length != 1) {
                            throw new TopologyException(file, lineNo, "dockwire: hosts", "expected \"hosts N\" or \"hosts N subnets S\", got \""
                                    + d.substring(6).trim() + "\"");
                        }
                    } else if (d.startsWith("underlay ")) {
                        daemon = underlay(file, lineNo, d.substring(9).trim(), daemon);
                    } else if (d.startsWith("daemon ")) {
                        daemon = daemon(file, lineNo, d.substring(7).trim(), daemon);
                    } else if (d.startsWith("capture ")) {
                        capture = capture(d.substring(8).trim(), capture);
                    } else {
                        throw new TopologyException(file, lineNo, "dockwire", "unknown directive \"" + d
                                + "\"; known: seed N, hosts N [subnets S], underlay HOST ADDRESS:PORT, capture [loopback] [host] [IFACE...], image NAME http PORT (hostname | text TEXT), step-timeout SECONDS,"
                                + " daemon [engine=docker-28|docker-27] [userland-proxy=true|false]");
                    }
                }
                continue;
            }
            if (current != null) {
                commands.set(commands.size() - 1, current.build());
                current = null;
            }
            need = CommandText.need(raw);
            if (need != CommandText.Need.NOTHING) {
                pending = new StringBuilder(raw);
                pendingLine = lineNo;
                continue;
            }
            current = new Builder(t, lineNo);
            commands.add(null);
        }
        if (pending != null) {
            throw new TopologyException(file, pendingLine, "", CommandText.missing(pending.toString()).message());
        }
        if (current != null) {
            commands.set(commands.size() - 1, current.build());
        }
        for (var u : daemon.underlay().entrySet()) {
            int n = Integer.parseInt(u.getKey().substring(MULTI_HOST.length()));
            if (n > daemon.hosts()) {
                throw new TopologyException(file, u.getValue().line(), "dockwire: underlay", "no host " + u.getKey()
                        + " in a run of " + daemon.hosts() + " host(s) (# dockwire: hosts N names docker-host-1 to docker-host-N)");
            }
        }
        return new Script(name, seed, List.copyOf(commands), List.copyOf(images), daemon, capture, stepTimeout);
    }

    /**
     * Adds the next line of a command written over several: after a backslash the two lines become
     * one (the backslash a blank, as the transcript has always shown them); otherwise (a here-document,
     * an open quote, a trailing {@code |}) the line follows on a line of its own.
     */
    private static void appendLine(StringBuilder command, CommandText.Need need, String raw) {
        if (need == CommandText.Need.LINE_CONTINUATION) {
            command.setLength(command.length() - 1);
            command.append(' ').append(raw);
        } else {
            command.append('\n').append(raw);
        }
    }

    /**
     * {@code capture loopback host eth0 br-x}: besides every bridge, each container's {@code lo}
     * ({@code loopback}), the host's {@code eth0} ({@code host}) and named host interfaces.
     */
    private static Topology.CaptureSpec capture(String text, Topology.CaptureSpec c) {
        boolean loopback = c.loopback();
        boolean host = c.host();
        List<String> interfaces = new ArrayList<>(c.interfaces());
        for (String w : text.split("\\s+")) {
            switch (w) {
                case "loopback" -> loopback = true;
                case "host" -> host = true;
                default -> interfaces.add(w);
            }
        }
        return new Topology.CaptureSpec(c.bridges(), loopback, host, List.copyOf(interfaces), c.filter());
    }

    /** {@code daemon engine=docker-27 userland-proxy=false}: dockerd's settings for the run. */
    private static Daemon daemon(String file, int line, String text, Daemon daemon) {
        for (String kv : text.split("\\s+")) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv : kv.substring(0, eq);
            String value = eq < 0 ? "" : kv.substring(eq + 1);
            switch (key) {
                case "engine" -> {
                    if (!Daemon.ENGINES.contains(value)) {
                        throw new TopologyException(file, line, "dockwire: daemon engine", "unknown engine \"" + value
                                + "\"; expected docker-28 or docker-27");
                    }
                    daemon = daemon.withEngine(value);
                }
                case "userland-proxy" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new TopologyException(file, line, "dockwire: daemon userland-proxy", "expected true or false, got \""
                                + value + "\"");
                    }
                    daemon = daemon.withUserlandProxy(value.equals("true"));
                }
                default -> throw new TopologyException(file, line, "dockwire: daemon", "unknown setting \"" + kv
                        + "\"; known: engine=docker-28|docker-27, userland-proxy=true|false");
            }
        }
        return daemon;
    }

    /**
     * The image a {@code # dockwire: image NAME http PORT (hostname | text TEXT)} line declares,
     * read as a script reads it, or null when {@code line} is not such a line; {@code source}
     * names where it was typed for the error of a malformed one.
     */
    public static Script.ImageDecl imageDirective(String source, String line) {
        String t = line.trim();
        if (!t.startsWith("#")) {
            return null;
        }
        String c = t.substring(1).trim();
        if (!c.startsWith("dockwire:")) {
            return null;
        }
        String d = c.substring("dockwire:".length()).trim();
        return d.startsWith("image ") ? image(source, 0, d.substring(6).trim()) : null;
    }

    private static Script.ImageDecl image(String file, int line, String text) {
        String[] w = text.split("\\s+", 5);
        String usage = "expected: image NAME http PORT (hostname | text TEXT)";
        if (w.length < 4 || !w[1].equals("http")) {
            throw new TopologyException(file, line, "dockwire: image", usage);
        }
        int port;
        try {
            port = Integer.parseInt(w[2]);
        } catch (NumberFormatException e) {
            throw new TopologyException(file, line, "dockwire: image", "invalid port \"" + w[2] + "\"; " + usage);
        }
        if (w[3].equals("hostname") && w.length == 4) {
            return new Script.ImageDecl(w[0], port, null);
        }
        if (w[3].equals("text") && w.length == 5) {
            return new Script.ImageDecl(w[0], port, w[4]);
        }
        throw new TopologyException(file, line, "dockwire: image", usage);
    }

    private static final class Builder {
        final String line;
        final int lineNo;
        Integer status;
        boolean any;
        final List<String> contains = new ArrayList<>();
        final List<String> notContains = new ArrayList<>();
        final List<String> matches = new ArrayList<>();

        Builder(String line, int lineNo) {
            this.line = line;
            this.lineNo = lineNo;
        }

        void expect(String file, int at, String e) {
            String[] kv = e.split("\\s+", 2);
            String arg = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "status" -> {
                    try {
                        status = Integer.parseInt(arg.trim());
                    } catch (NumberFormatException ex) {
                        throw new TopologyException(file, at, "expect: status", "expected an exit status 0-255, got \"" + arg + "\"");
                    }
                }
                case "any" -> any = true;
                case "contains" -> contains.add(unquote(arg));
                case "not-contains" -> notContains.add(unquote(arg));
                case "matches" -> {
                    try {
                        Pattern.compile(arg);
                    } catch (PatternSyntaxException ex) {
                        throw new TopologyException(file, at, "expect: matches", "invalid regular expression: " + ex.getDescription());
                    }
                    matches.add(arg);
                }
                default -> throw new TopologyException(file, at, "expect", "unknown expectation \"" + kv[0]
                        + "\"; valid: status N, any, contains TEXT, not-contains TEXT, matches REGEX");
            }
        }

        private static String unquote(String s) {
            String t = s.trim();
            if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
                return t.substring(1, t.length() - 1);
            }
            return t;
        }

        Script.Command build() {
            return new Script.Command(line, lineNo, status, any, List.copyOf(contains), List.copyOf(notContains), List.copyOf(matches));
        }
    }

    /** {@code # dockwire: hosts N subnets S}: over how many routed LAN subnets the hosts are spread (1-9, at most N). */
    static int subnets(String file, int line, String value, int hosts) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= Math.min(hosts, Daemon.MAX_SUBNETS)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TopologyException(file, line, "dockwire: hosts", "expected a number of subnets 1-"
                + Math.min(hosts, Daemon.MAX_SUBNETS) + " (no more than the hosts), got \"" + value + "\"");
    }

    private static final String MULTI_HOST = "docker-host-";
    private static final Pattern UNDERLAY = Pattern.compile(
            "(docker-host-[1-9][0-9]?)\\s+((?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])):([0-9]{1,5})");

    /**
     * {@code # dockwire: underlay docker-host-2 127.0.0.1:47892}: where the process that runs that
     * host ({@code dockwire run --host docker-host-2}) takes its VTEP's VXLAN datagrams for real.
     */
    static Daemon underlay(String file, int line, String value, Daemon daemon) {
        var m = UNDERLAY.matcher(value);
        int port = m.matches() ? Integer.parseInt(m.group(3)) : 0;
        if (port < 1 || port > 65535) {
            throw new TopologyException(file, line, "dockwire: underlay", "expected HOST ADDRESS:PORT like"
                    + " \"docker-host-2 127.0.0.1:47892\" (HOST docker-host-N, an IPv4 address, a port 1-65535), got \"" + value + "\"");
        }
        if (daemon.underlay().containsKey(m.group(1))) {
            throw new TopologyException(file, line, "dockwire: underlay", m.group(1) + " already has an underlay address");
        }
        return daemon.withUnderlay(m.group(1), new Daemon.Underlay(m.group(2), port, line));
    }

    /** {@code # dockwire: hosts N}: how many Docker hosts the script runs on (1-89). */
    static int hosts(String file, int line, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= Daemon.MAX_HOSTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TopologyException(file, line, "dockwire: hosts", "expected a number of hosts 1-" + Daemon.MAX_HOSTS
                + ", got \"" + value + "\"");
    }
}
