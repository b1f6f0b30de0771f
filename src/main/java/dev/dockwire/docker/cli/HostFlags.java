package dev.dockwire.docker.cli;

import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.cli.CliFlags.Spec;
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
 * {@code --user}, {@code --init}, {@code --privileged}, {@code --read-only}, {@code --link}.
 */
final class HostFlags {
    static final List<Spec> SPECS = List.of(new Spec("cap-add", (char) 0, true), new Spec("cap-drop", (char) 0, true),
            new Spec("privileged", (char) 0, false), new Spec("read-only", (char) 0, false), new Spec("tmpfs", (char) 0, true),
            new Spec("user", 'u', true), new Spec("init", (char) 0, false), new Spec("sysctl", (char) 0, true),
            new Spec("link", (char) 0, true));

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
        return new ContainerOptions(caps(f.all("cap-add")), caps(f.all("cap-drop")), f.has("privileged"), f.has("read-only"),
                tmpfs, f.get("user"), f.has("init"), sysctls, f.all("link"));
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

    /** opts.NormalizeCapability: trimmed, upper case, {@code CAP_} prefixed unless {@code ALL}. */
    private static List<String> caps(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String c : given) {
            String u = c.trim().toUpperCase(Locale.ROOT);
            String cap = u.equals("ALL") || u.startsWith("CAP_") ? u : "CAP_" + u;
            if (!out.contains(cap)) {
                out.add(cap);
            }
        }
        return out;
    }
}
