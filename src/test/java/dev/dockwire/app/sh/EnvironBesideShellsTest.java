package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code env} prints under each shell beside the real one (Debian's busybox ash, dash, bash),
 * given the environment a container's process starts with in the order Docker builds it (PATH,
 * HOSTNAME, TERM, the image's and -e's variables, HOME last): the variables each shell adds at
 * start (PWD; SHLVL in ash and bash), the order each passes them on ({@link Environ}), bash's
 * {@code _} and its SHLVL for a last command it execs in its own place. Skipped where the shell is absent.
 */
class EnvironBesideShellsTest {
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    static Stream<Arguments> cases() {
        List<Map<String, String>> envs = List.of(env("PATH", PATH, "HOSTNAME", "c0ffee", "HOME", "/root"),
                env("PATH", PATH, "HOSTNAME", "c0ffee", "TERM", "xterm", "A", "1", "NGINX_VERSION", "1.31.3", "HOME", "/root"),
                env("PATH", PATH, "HOSTNAME", "c0ffee", "SHLVL", "3", "HOME", "/root"));
        List<String> scripts = List.of("env", "echo; env", "env; echo", "export B=2; env", "X=2 env", "env | cat");
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (Map<String, String> e : envs) {
                for (String s : scripts) {
                    out.add(Arguments.of(d, e, s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -c ''{2}'' in {1}")
    @MethodSource("cases")
    void envPrintsWhatTheRealShellPasses(Dialect dialect, Map<String, String> env, String script) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(shell);
        cmd.addAll(List.of("-c", script));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new java.io.File("/")).start();
        String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);

        ShRig rig = new ShRig();
        new Sh(dialect == Dialect.BASH ? "bash" : "sh", dialect, rig, env).start(rig, List.of("-c", script));
        rig.loop.runUntil(() -> rig.status != null);
        assertEquals(real, String.join("\n", rig.all()) + "\n", script);
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
