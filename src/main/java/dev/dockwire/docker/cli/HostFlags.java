package dev.dockwire.docker.cli;

import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.cli.CliFlags.Spec;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker run}/{@code create}'s HostConfig flags as the docker 28.2 client parses them:
 * {@code --cap-add}/{@code --cap-drop} normalised as opts/capabilities.go does ({@code net_admin}
 * becomes {@code CAP_NET_ADMIN}), {@code --sysctl} checked by opts.ValidateSysctl (the kernel.*
 * IPC keys, {@code fs.mqueue.*} and {@code net.*} only), {@code --tmpfs PATH[:OPTIONS]},
 * {@code --user}, {@code --init}, {@code --privileged}, {@code --read-only}, {@code --link};
 * {@code --dns-search} (opts.ValidateDNSSearch), {@code --dns-option}, {@code --domainname},
 * {@code --mac-address} (net.ParseMAC), {@code --log-opt KEY=VALUE} (opts.ConvertKVStringsToMap: a key
 * without {@code =} has an empty value; the daemon checks them), {@code --group-add} (resolved by the daemon at start),
 * {@code --pid}/{@code --ipc}/{@code --uts} ({@link dev.dockwire.docker.NamespaceModes}).
 */
final class HostFlags {
    static final List<Spec> SPECS = List.of(new Spec("cap-add", (char) 0, true), new Spec("cap-drop", (char) 0, true),
            new Spec("privileged", (char) 0, false), new Spec("read-only", (char) 0, false), new Spec("tmpfs", (char) 0, true),
            new Spec("user", 'u', true), new Spec("init", (char) 0, false), new Spec("sysctl", (char) 0, true),
            new Spec("link", (char) 0, true), new Spec("dns-search", (char) 0, true), new Spec("dns-option", (char) 0, true),
            new Spec("dns-opt", (char) 0, true), new Spec("domainname", (char) 0, true), new Spec("mac-address", (char) 0, true),
            new Spec("log-opt", (char) 0, true), new Spec("group-add", (char) 0, true), new Spec("stop-signal", (char) 0, true),
            new Spec("stop-timeout", (char) 0, true), new Spec("volumes-from", (char) 0, true), new Spec("log-driver", (char) 0, true),
            new Spec("shm-size", (char) 0, true), new Spec("security-opt", (char) 0, true),
            new Spec("pid", (char) 0, true), new Spec("ipc", (char) 0, true), new Spec("uts", (char) 0, true),
            new Spec("cidfile", (char) 0, true), new Spec("oom-kill-disable", (char) 0, false),
            new Spec("device", (char) 0, true));

    /** docker/cli opts.ValidateDNSSearch's domain: labels of letters, digits and inner hyphens, an optional final dot. */
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*\\.?\\s*");

    private static final List<String> SYSCTLS = List.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private HostFlags() {
    }

    static ContainerOptions parse(CliFlags f) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (String s : f.all("sysctl")) {
            String[] kv = s.split("=", 2);
            if (kv.length < 2 || !(SYSCTLS.contains(kv[0]) || kv[0].startsWith("net.") || kv[0].startsWith("fs.mqueue."))) {
                throw new CliFlags.FlagError("invalid argument \"" + s + "\" for \"--sysctl\" flag: sysctl '" + s + "' is not allowed");
            }
            sysctls.put(kv[0], kv[1]);
        }
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String t : f.all("tmpfs")) {
            int colon = t.indexOf(':');
            tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
        }
        for (String d : f.all("dns-search")) {
            if (!d.equals(".") && (d.length() > 255 || !DOMAIN.matcher(d).matches())) {
                throw new CliFlags.FlagError("invalid argument \"" + d + "\" for \"--dns-search\" flag: " + d + " is not a valid domain");
            }
        }
        MacAddress mac = null;
        if (f.has("mac-address")) {
            try {
                mac = MacAddress.parse(f.get("mac-address"));
            } catch (IllegalArgumentException e) {
                // docker/cli container/opts.go parse: net.ParseMAC's refusal, before the daemon.
                throw new CliFlags.OptionError("docker: " + f.get("mac-address") + " is not a valid mac address");
            }
        }
        List<String> dnsOptions = new ArrayList<>(f.all("dns-option"));
        dnsOptions.addAll(f.all("dns-opt"));
        return new ContainerOptions(caps(f.all("cap-add")), caps(f.all("cap-drop")), f.has("privileged"), f.has("read-only"),
                tmpfs, f.get("user"), f.has("init"), sysctls, f.all("link"), f.all("dns-search"), dnsOptions,
                f.get("domainname"), mac, logOpts(f.all("log-opt"))).withWorkingDir(workdir(f.get("workdir")))
                .withGroupAdd(f.all("group-add"))
                .withStop(f.get("stop-signal"), f.has("stop-timeout") ? CliFlags.intValue(f.get("stop-timeout"), "stop-timeout") : null)
                .withVolumesFrom(f.all("volumes-from"))
                .withLogDriverAndShm(logDriver(f), ResourceFlags.bytes(f, "shm-size", "--shm-size"))
                .withSecurityOpt(securityOpts(f.all("security-opt")))
                .withNamespaces(namespaces(f))
                .withContainerIdFile(f.get("cidfile"))
                .withDevices(devices(f.all("device")));
    }

    /**
     * {@code --device}s as the 28 client checks and splits them (cli/command/container/opts.go
     * validateLinuxPath with validDeviceMode, then parseLinuxDevice): {@code HOST[:CONTAINER][:PERMISSIONS]},
     * a second part that is a mode being the permissions; the container path absolute, the mode of
     * r, w and m each at most once.
     */
    private static List<dev.dockwire.docker.DeviceMapping> devices(List<String> given) {
        List<dev.dockwire.docker.DeviceMapping> out = new ArrayList<>();
        for (String d : given) {
            String[] split = d.split(":", 3);
            if (d.chars().filter(ch -> ch == ':').count() > 2 || split[0].isEmpty()) {
                throw new CliFlags.OptionError("docker: bad format for path: " + d);
            }
            String host = split[0];
            String inside = host;
            String permissions = "rwm";
            if (split.length == 2) {
                if (deviceMode(split[1])) {
                    permissions = split[1];
                } else {
                    inside = split[1];
                }
            } else if (split.length == 3) {
                inside = split[1];
                permissions = split[2];
                if (!deviceMode(permissions)) {
                    throw new CliFlags.OptionError("docker: bad mode specified: " + permissions);
                }
            }
            if (!inside.startsWith("/")) {
                throw new CliFlags.OptionError("docker: " + inside + " is not an absolute path");
            }
            out.add(new dev.dockwire.docker.DeviceMapping(host, inside, permissions));
        }
        return out;
    }

    /** validDeviceMode: r, w and m, each at most once, at least one. */
    private static boolean deviceMode(String mode) {
        return !mode.isEmpty() && mode.matches("[rwm]+") && mode.chars().distinct().count() == mode.length();
    }

    /**
     * {@code -w DIR}: the daemon refuses a relative one (daemon/create.go verifyContainerSettings:
     * {@code the working directory 'x' is invalid, it needs to be an absolute path}) and keeps an
     * absolute one cleaned (filepath.Clean).
     */
    private static String workdir(String dir) {
        if (dir == null || dir.isEmpty()) {
            return "";
        }
        if (!dir.startsWith("/")) {
            throw new dev.dockwire.docker.EngineException("the working directory '" + dir + "' is invalid, it needs to be an absolute path");
        }
        String clean = java.nio.file.Path.of(dir).normalize().toString();
        return clean.isEmpty() ? "/" : clean;
    }

    /**
     * {@code --network} as opts.NetworkOpt reads it: a name, or the advanced syntax
     * {@code name=NET[,gw-priority=N]}; returns the name and the priority's text (or null).
     */
    static String[] network(String value) {
        if (value == null || !value.contains("=")) {
            return new String[] {value, null};
        }
        String[] out = {value, null};
        for (String field : value.split(",")) {
            String[] kv = field.split("=", 2);
            if (kv.length == 2 && kv[0].equals("name")) {
                out[0] = kv[1];
            } else if (kv.length == 2 && kv[0].equals("gw-priority")) {
                out[1] = kv[1];
            }
        }
        return out;
    }

    /**
     * {@code --security-opt}s as the client checks them (cli/command/container/opts.go parseSecurityOpts): each
     * {@code KEY=VALUE} or {@code KEY:VALUE} with a value, but {@code no-new-privileges} alone.
     */
    private static List<String> securityOpts(List<String> given) {
        for (String opt : given) {
            int eq = opt.indexOf('=') >= 0 ? opt.indexOf('=') : opt.indexOf(':');
            if (!opt.equals("no-new-privileges") && (eq < 0 || eq == opt.length() - 1)) {
                throw new CliFlags.OptionError("docker: Invalid --security-opt: \"" + opt + "\"");
            }
        }
        return given;
    }

    /**
     * {@code --pid}, {@code --ipc}, {@code --uts} as the client checks them (cli/command/container/opts.go
     * parse: PidMode.Valid, UTSMode.Valid; the IPC mode is the daemon's to check).
     */
    private static dev.dockwire.docker.NamespaceModes namespaces(CliFlags f) {
        String pid = f.get("pid");
        if (pid != null && !pid.isEmpty() && !pid.equals("host") && !(pid.startsWith("container:") && pid.length() > "container:".length())) {
            throw new CliFlags.OptionError("docker: --pid: invalid PID mode");
        }
        String uts = f.get("uts");
        if (uts != null && !uts.isEmpty() && !uts.equals("host")) {
            throw new CliFlags.OptionError("docker: --uts: invalid UTS mode");
        }
        return new dev.dockwire.docker.NamespaceModes(pid, f.get("ipc"), uts);
    }

    /** {@code --log-driver}; the client refuses options for {@code none} (cli/command/container/opts.go parse). */
    private static String logDriver(CliFlags f) {
        String driver = f.get("log-driver");
        if ("none".equals(driver) && !f.all("log-opt").isEmpty()) {
            throw new CliFlags.OptionError("docker: invalid logging opts for driver none");
        }
        return driver;
    }

    /** {@code --log-opt}s as opts.ConvertKVStringsToMap makes them: the last of a key wins. */
    private static Map<String, String> logOpts(List<String> given) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String kv : given) {
            int eq = kv.indexOf('=');
            opts.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return opts;
    }

    /** opts.NormalizeCapability: trimmed, upper case, {@code CAP_} prefixed unless {@code ALL}. */
    private static List<String> caps(List<String> given) {
        return ContainerOptions.normalizeCaps(given);
    }
}
