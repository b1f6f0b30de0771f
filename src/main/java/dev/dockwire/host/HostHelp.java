package dev.dockwire.host;

import dev.dockwire.app.bin.Programs;
import dev.dockwire.text.TextTools;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code help} at the host's prompt: what this host has, by kind (the shell's builtins, the text
 * tools, docker, the network tools and the programs), and the names Tab completes at the start
 * of a line.
 */
public final class HostHelp {
    /** bash's builtins the host's shell has. */
    static final List<String> BUILTINS = List.of("cd", "pwd", "export", "unset", "echo", "printf", "true", "false",
            "jobs", "wait", "kill", "exit", "help");
    /** The text tools of the shell: {@code cat} and those of {@code dev.dockwire.text}, GNU's on this host. */
    static final List<String> TEXT = textTools();
    /** The host's network tools (iproute2, iptables, conntrack-tools, tcpdump, net-tools, procps, bridge-utils, util-linux: nsenter, dmesg). */
    static final List<String> NETWORK = List.of("ip", "bridge", "tc", "ss", "nstat", "iptables", "iptables-save", "iptables-restore",
            "conntrack", "tcpdump", "netstat", "sysctl", "brctl", "nsenter", "ps", "dmesg", "xtables-monitor");
    /** Other commands of the host. */
    static final List<String> OTHER = List.of("hostname", "date", "sleep", "ssh", "sudo", "timeout", "pkill", "killall");

    private HostHelp() {
    }

    private static List<String> textTools() {
        List<String> names = new ArrayList<>(List.of("cat"));
        names.addAll(TextTools.names());
        return List.copyOf(names);
    }

    /** Every command name the host runs, sorted: what Tab offers at the start of a line. */
    public static List<String> commands() {
        TreeSet<String> all = new TreeSet<>();
        all.addAll(BUILTINS);
        all.addAll(TEXT);
        all.addAll(NETWORK);
        all.addAll(OTHER);
        all.addAll(Programs.names());
        all.add("docker");
        all.add("dockwire");
        return List.copyOf(all);
    }

    static List<String> text(String hostname) {
        List<String> out = new ArrayList<>();
        out.add("Commands of " + hostname + ", an emulated Docker host (type a command, Tab completes):");
        out.add("");
        out.add("Shell builtins (as bash):");
        out.add("  cd [DIR|-]   pwd   export [NAME[=VALUE]...]   unset NAME...   echo   printf   true   false");
        out.add("  jobs   wait   kill [-SIGNAL] %N|PID   exit [N]   help");
        out.add("  ; && || | > >> 2>&1 < <<EOF here-documents, $VAR ${VAR} $? $(...), \\ continues a line");
        out.add("Text tools (GNU's; awk is mawk, as on Debian and Ubuntu):");
        for (int i = 0; i < TEXT.size(); i += 10) {
            out.add("  " + String.join("   ", TEXT.subList(i, Math.min(TEXT.size(), i + 10))));
        }
        out.add("Docker (the docker 28 client against this host's engine):");
        out.add("  docker COMMAND      docker --help lists the commands, docker COMMAND --help their options");
        out.add("  docker compose up|down|ps|exec|port|logs");
        out.add("dockwire's own (what a real host hides):");
        out.add("  dockwire trace SRC DST[:PORT[/tcp|udp|icmp]]   one probe's journey hop by hop, and why it ended so");
        out.add("  dockwire report   dockwire graph [--mermaid]   the topology page and its graph (in the shell)");
        out.add("Network tools on the host's namespace:");
        out.add("  " + String.join("   ", NETWORK));
        out.add("Programs:");
        TreeSet<String> programs = new TreeSet<>(Programs.names());
        programs.addAll(List.of("hostname", "sleep", "ssh", "sudo", "timeout"));
        programs.removeAll(BUILTINS);
        programs.removeAll(TEXT);
        out.add("  " + String.join("   ", programs));
        out.add("");
        out.add("Inside a container: docker exec -it CONTAINER sh; exit or Ctrl-D comes back here.");
        return out;
    }
}
