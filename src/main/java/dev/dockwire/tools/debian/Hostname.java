package dev.dockwire.tools.debian;

import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code hostname} (package hostname 3.23, hostname.c) in a container whose name is
 * {@code name}: without options the name; {@code -s} before its first dot; {@code -f} the canonical
 * name from the container's /etc/hosts (the first name of the first line naming it, as getaddrinfo's
 * AI_CANONNAME gives it), {@code -d} what follows that name's first dot (nothing without one),
 * {@code -i} that line's address; {@code -I} every address of the container's interfaces but
 * loopback's, each followed by a space; {@code -A} the name /etc/hosts gives each of them;
 * {@code -a} the line's aliases (an empty line for none); {@code -y} the NIS domain, never set in a
 * container (said on stdout, status 1). Setting a name is sethostname(2)'s EPERM without CAP_SYS_ADMIN.
 * A bad option is getopt's error and the usage on stdout, status 255, as {@code --help} is. Measured with this machine's hostname 3.23 in a namespace.
 */
public final class Hostname {
    private static final Map<String, String> LONGS = Map.ofEntries(Map.entry("alias", "a"), Map.entry("all-fqdns", "A"),
            Map.entry("boot", "b"), Map.entry("domain", "d"), Map.entry("fqdn", "f"), Map.entry("long", "f"),
            Map.entry("file", "F:"), Map.entry("ip-address", "i"), Map.entry("all-ip-addresses", "I"), Map.entry("short", "s"),
            Map.entry("yp", "y"), Map.entry("nis", "y"), Map.entry("help", "h"), Map.entry("version", "V"));
    private static final List<String> USAGE = List.of(
            "Usage: hostname [-b] {hostname|-F file}         set host name (from file)",
            "       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name",
            "       hostname                                 display host name",
            "",
            "       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)",
            "       {yp,nis,}domainname                      display NIS domain name",
            "",
            "       dnsdomainname                            display dns domain name",
            "",
            "       hostname -V|--version|-h|--help          print info and exit",
            "",
            "Program name:",
            "       {yp,nis,}domainname=hostname -y",
            "       dnsdomainname=hostname -d",
            "",
            "Program options:",
            "    -a, --alias            alias names",
            "    -A, --all-fqdns        all long host names (FQDNs)",
            "    -b, --boot             set default hostname if none available",
            "    -d, --domain           DNS domain name",
            "    -f, --fqdn, --long     long host name (FQDN)",
            "    -F, --file             read host name or NIS domain name from given file",
            "    -i, --ip-address       addresses for the host name",
            "    -I, --all-ip-addresses all addresses for the host",
            "    -s, --short            short host name",
            "    -y, --yp, --nis        NIS/YP domain name",
            "",
            "Description:",
            "   This command can get or set the host name or the NIS domain name. You can",
            "   also get the DNS domain or the FQDN (fully qualified domain name).",
            "   Unless you are using bind or NIS for host lookups you can change the",
            "   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is",
            "   part of the FQDN) in the /etc/hosts file.");

    private Hostname() {
    }

    /**
     * Runs {@code hostname args}; {@code hosts} is the container's /etc/hosts (null: none),
     * {@code addresses} its interfaces' addresses in getifaddrs order, loopback's left out.
     */
    public static CommandResult run(List<String> args, String name, String hosts, List<String> addresses) {
        String[] mode = {""};
        GetoptLong.Result r = new GetoptLong(Getopt.GLIBC, "aAbdfF:iIsyhV", LONGS).parse(args, (key, value) -> {
            mode[0] = key;
            return !key.equals("h");
        });
        if (r.error() != null) {
            List<String> out = new ArrayList<>();
            out.add("hostname: " + r.error());
            out.addAll(USAGE);
            return new CommandResult(255, out, List.of(out.get(0)));
        }
        if (mode[0].equals("h")) {
            return new CommandResult(255, USAGE); // usage() exits -1 for --help too
        }
        if (mode[0].isEmpty() && !r.operands().isEmpty()) {
            return CommandResult.fail(1, "hostname: you must be root to change the host name");
        }
        String[] line = entry(hosts, name);
        return switch (mode[0]) {
            case "s" -> CommandResult.ok(List.of(name.split("\\.", 2)[0]));
            case "f" -> CommandResult.ok(List.of(line == null ? name : line[1]));
            case "d" -> line == null || line[1].indexOf('.') < 0 ? CommandResult.ok(List.of())
                    : CommandResult.ok(List.of(line[1].substring(line[1].indexOf('.') + 1)));
            case "i" -> line == null ? CommandResult.fail(1, "hostname: Name or service not known") : CommandResult.ok(List.of(line[0]));
            case "I" -> CommandResult.ok(List.of(addresses.stream().map(a -> a + " ").reduce("", String::concat)));
            case "A" -> CommandResult.ok(List.of(addresses.stream().map(a -> {
                String[] byAddress = byAddress(hosts, a);
                return (byAddress == null ? a : byAddress[1]) + " ";
            }).reduce("", String::concat)));
            case "a" -> CommandResult.ok(List.of(line == null || line.length < 3 ? ""
                    : String.join(" ", List.of(line).subList(2, line.length))));
            case "y" -> new CommandResult(1, List.of("hostname: Local domain name not set")); // printed on stdout
            default -> CommandResult.ok(List.of(name));
        };
    }

    /** The first /etc/hosts line naming {@code name}, as its words. */
    private static String[] entry(String hosts, String name) {
        for (String l : hosts == null ? List.<String>of() : hosts.lines().toList()) {
            String[] w = l.strip().split("\\s+");
            if (w.length > 1 && !w[0].startsWith("#") && List.of(w).subList(1, w.length).contains(name)) {
                return w;
            }
        }
        return null;
    }

    /** The first /etc/hosts line for {@code address}, as its words. */
    private static String[] byAddress(String hosts, String address) {
        for (String l : hosts == null ? List.<String>of() : hosts.lines().toList()) {
            String[] w = l.strip().split("\\s+");
            if (w.length > 1 && w[0].equals(address)) {
                return w;
            }
        }
        return null;
    }
}
