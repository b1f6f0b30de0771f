package dev.dockwire.docker.cli;

import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.EndpointSettings;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.docker.cli.CliFlags.Spec;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code docker run} and {@code docker create}'s flags (cli/command/container/opts.go) and the engine's request they make. */
final class CreateFlags {
    private CreateFlags() {
    }

    static final List<Spec> SPECS = Stream.concat(Stream.of(
            new Spec("detach", 'd', false), new Spec("interactive", 'i', false), new Spec("tty", 't', false),
            new Spec("name", (char) 0, true), new Spec("network", (char) 0, true), new Spec("net", (char) 0, true), new Spec("ip", (char) 0, true), new Spec("network-alias", (char) 0, true),
            new Spec("net-alias", (char) 0, true), new Spec("hostname", 'h', true), new Spec("publish", 'p', true),
            new Spec("publish-all", 'P', false), new Spec("add-host", (char) 0, true), new Spec("dns", (char) 0, true),
            new Spec("rm", (char) 0, false), new Spec("env", 'e', true), new Spec("restart", (char) 0, true),
            new Spec("label", 'l', true), new Spec("expose", (char) 0, true), new Spec("entrypoint", (char) 0, true),
            new Spec("volume", 'v', true), new Spec("mount", (char) 0, true), new Spec("workdir", 'w', true),
            new Spec("env-file", (char) 0, true), new Spec("pull", (char) 0, true), new Spec("quiet", 'q', false),
            new Spec("label-file", (char) 0, true), new Spec("platform", (char) 0, true), new Spec("attach", 'a', true),
            new Spec("detach-keys", (char) 0, true), new Spec("sig-proxy", (char) 0, false), new Spec("ulimit", (char) 0, true)),
            Stream.of(HealthFlags.SPECS, HostFlags.SPECS, ResourceFlags.SPECS).flatMap(List::stream)).toList();

    /** api/types/container NetworkMode.IsUserDefined: none of default (no {@code --network}), bridge, host, none, container:. */
    private static boolean userDefined(String network) {
        return network != null && !network.isEmpty() && !network.equals("default") && !network.equals("bridge")
                && !network.equals("host") && !network.equals("none") && !network.startsWith("container:");
    }

    /** The engine's request for {@code f}; {@code clientEnv} gives {@code -e KEY} its value. */
    static ContainerCreate request(CliFlags f, Map<String, String> clientEnv) {
        return request(f, clientEnv, "/");
    }

    /** The request {@code host}'s client makes: its environment, working directory and {@code --env-file}s. */
    static ContainerCreate request(CliFlags f, CliEnv host) {
        List<String> env;
        try {
            env = EnvFile.read(f.all("env-file"), host::readHostOrDisk, host.environment());
        } catch (EnvFile.Invalid e) {
            throw new CliFlags.OptionError("docker: " + e.getMessage());
        }
        if (f.has("ip") && Ipv4Address.tryParse(f.get("ip")) == null) {
            String network = HostFlags.network(f.has("network") ? f.get("network") : f.get("net"))[0];
            String name = network == null || network.equals("default") ? "bridge" : network;
            throw new EngineException(EndpointSettings.invalidAddress(host.engine().findNetwork(name), name, f.get("ip")));
        }
        return request(f, host.environment(), host.workingDirectory().toString(), env);
    }

    /** The request; {@code cwd} is the client's working directory, which makes {@code -v ./x:/y} absolute. */
    static ContainerCreate request(CliFlags f, Map<String, String> clientEnv, String cwd) {
        return request(f, clientEnv, cwd, List.of());
    }

    /** The request with {@code fileEnv}, the {@code --env-file}s' variables, before {@code -e}'s. */
    private static ContainerCreate request(CliFlags f, Map<String, String> clientEnv, String cwd, List<String> fileEnv) {
        String[] networkOpt = HostFlags.network(f.has("network") ? f.get("network") : f.get("net"));
        String network = networkOpt[0];
        int gwPriority = networkOpt[1] == null ? 0 : CliFlags.intValue(networkOpt[1], "network");
        Ipv4Address ip = null;
        if (f.has("ip")) {
            Integer v = Ipv4Address.tryParse(f.get("ip"));
            if (v == null) {
                throw new EngineException("invalid IPv4 address: " + f.get("ip"));
            }
            ip = Ipv4Address.of(v);
        }
        List<String> aliases = new ArrayList<>(f.all("network-alias"));
        aliases.addAll(f.all("net-alias"));
        if (!aliases.isEmpty() && !userDefined(network)) {
            // docker/cli container/opts.go parseNetworkAttachmentOpt: refused before the daemon sees it.
            throw new CliFlags.OptionError("docker: network-scoped aliases are only supported for user-defined networks");
        }
        List<String> positional = f.positional();
        for (String p : f.all("publish")) {
            try {
                PortSpec.parse(p);
            } catch (EngineException e) {
                throw new CliFlags.OptionError("docker: " + e.getMessage()); // rejected by the CLI, before the daemon
            }
        }
        ExposeFlag.check(f.all("expose"));
        checkClientOnly(f);
        List<String> extraHosts = AddressFlags.check(f.all("dns"), f.all("add-host"));
        LinkFlag.check(f.all("link"));
        return new ContainerCreate(f.get("name"), positional.get(0), positional.subList(1, positional.size()),
                network, ip, aliases, f.get("hostname"), extraHosts, f.all("dns"))
                .withPorts(f.all("publish"), f.has("publish-all"), f.all("expose"))
                .withEntrypoint(f.has("entrypoint") ? entrypoint(f.get("entrypoint")) : null)
                .withRestart(f.get("restart"))
                .withHealthcheck(HealthFlags.parse(f))
                .withEnv(fileEnv.isEmpty() ? env(f.all("env"), clientEnv) : Stream.concat(fileEnv.stream(),
                        env(f.all("env"), clientEnv).stream()).toList())
                .withStdio(f.has("interactive"), f.has("tty"))
                .withOptions(HostFlags.parse(f))
                .withGwPriority(gwPriority)
                .withMounts(MountFlags.parse(f.all("volume"), f.all("mount"), cwd))
                .withResources(ResourceFlags.parse(f).withUlimits(ulimits(f.all("ulimit"))));
    }

    /** {@code --ulimit}s as opts.UlimitOpt takes them: go-units' refusals in pflag's words. */
    private static List<dev.dockwire.docker.Ulimit> ulimits(List<String> flags) {
        for (String u : flags) {
            try {
                dev.dockwire.docker.Ulimit.parse(u);
            } catch (IllegalArgumentException e) {
                throw new CliFlags.FlagError("invalid argument \"" + u + "\" for \"--ulimit\" flag: " + e.getMessage());
            }
        }
        return dev.dockwire.docker.Ulimit.of(flags);
    }

    /** containerd's platforms.Parse: the operating systems and architectures one word may name (known.go). */
    private static final java.util.Set<String> PLATFORM_WORDS = java.util.Set.of("aix", "android", "darwin", "dragonfly",
            "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
            "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle",
            "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64",
            "wasm", "i386", "x86_64", "x86-64", "aarch64", "armhf", "armel");

    /**
     * What the client alone checks of {@code -a}, {@code --platform} (cli/command/container/opts.go parse:
     * the streams; platforms.Parse, whose one-word form must name a known OS or architecture; an
     * {@code os/arch} pair is taken as written).
     */
    private static void checkClientOnly(CliFlags f) {
        for (String a : f.all("attach")) {
            if (!List.of("stdin", "stdout", "stderr").contains(a.toLowerCase(java.util.Locale.ROOT))) {
                throw new CliFlags.FlagError("invalid argument \"" + a + "\" for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR");
            }
        }
        String platform = f.get("platform");
        if (platform != null && !platform.isEmpty()) {
            String[] parts = platform.split("/", -1);
            if (parts.length == 1 && !PLATFORM_WORDS.contains(platform.toLowerCase(java.util.Locale.ROOT)) || parts.length > 3) {
                throw new CliFlags.OptionError("docker: error parsing specified platform: \"" + platform + "\": "
                        + (parts.length > 3 ? "cannot parse platform specifier" : "unknown operating system or architecture")
                        + ": invalid argument");
            }
        }
    }

    /**
     * What {@code docker run -a STREAM...} shows of the attached container's output {@code r}: only the
     * streams named (Config.AttachStdout/AttachStderr; without {@code -a}, both); the status stays the container's.
     */
    static dev.dockwire.docker.CommandOutput attachedStreams(CliFlags f, dev.dockwire.docker.CommandOutput r) {
        List<String> named = f.all("attach").stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList();
        boolean out = named.isEmpty() || named.contains("stdout");
        boolean err = named.isEmpty() || named.contains("stderr");
        if (out && err) {
            return r;
        }
        List<String> shown = new ArrayList<>();
        List<String> errors = r.errors();
        int e = 0;
        for (String line : r.output()) {
            // errors is the subsequence of output that went to stderr
            boolean stderr = e < errors.size() && errors.get(e).equals(line);
            if (stderr) {
                e++;
            }
            if (stderr ? err : out) {
                shown.add(line);
            }
        }
        return new dev.dockwire.docker.CommandOutput(r.status(), shown, err ? shown.stream().filter(errors::contains).toList() : List.of());
    }

    /**
     * Whether {@code keys} (null: the default) are detach keys the daemon takes (moby/term ToBytes): a comma-separated
     * list of single characters and {@code ctrl-X}, X a letter or one of {@code @[\]^_}.
     */
    static boolean validDetachKeys(String keys) {
        if (keys == null) {
            return true;
        }
        for (String k : keys.split(",", -1)) {
            String key = k.strip();
            boolean ctrl = key.length() == 6 && key.startsWith("ctrl-") && (Character.isLetter(key.charAt(5)) && key.charAt(5) < 128
                    || "@[\\]^_".indexOf(key.charAt(5)) >= 0);
            if (key.length() != 1 && !ctrl) {
                return false;
            }
        }
        return true;
    }

    /** {@code -e KEY=VALUE}, or {@code -e KEY} for the client's own value (dropped when it has none), as docker/cli's opts.ValidateEnv. */
    private static List<String> env(List<String> flags, Map<String, String> clientEnv) {
        List<String> out = new ArrayList<>();
        for (String e : flags) {
            if (e.contains("=")) {
                out.add(e);
            } else if (clientEnv.containsKey(e)) {
                out.add(e + "=" + clientEnv.get(e));
            }
        }
        return out;
    }

    /**
     * Config.Labels: the {@code --label-file}s' lines, then {@code --label}s (opts.ReadKVStrings), read on {@code host}:
     * the files as {@code --env-file}s are read, a bare {@code KEY} taking the client's variable (dropped without one).
     */
    static Map<String, String> labels(CliFlags f, CliEnv host) {
        try {
            List<String> all = new ArrayList<>(EnvFile.read(f.all("label-file"), host::readHostOrDisk, host.environment()));
            all.addAll(f.all("label"));
            return labels(all);
        } catch (EnvFile.Invalid e) {
            throw new CliFlags.OptionError("docker: " + e.getMessage());
        }
    }

    /** {@code --label KEY=VALUE} (or {@code KEY}, an empty value) as docker/cli's opts.ConvertKVStringsToMap. */
    static Map<String, String> labels(List<String> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : flags) {
            String[] kv = l.split("=", 2);
            out.put(kv[0], kv.length == 2 ? kv[1] : "");
        }
        return out;
    }

    /** {@code --entrypoint ""} resets it; the CLI passes any other value as the one word of the entrypoint. */
    private static List<String> entrypoint(String value) {
        return value.isEmpty() ? List.of() : List.of(value);
    }
}
