package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.socket.Sockets;
import dev.dockwire.testing.VirtualProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell lines of Docker's tutorials in bash's dialect beside bash 5 ({@code bash -c}), with the
 * same stand-in {@code docker} on both sides (a shell script on the real PATH, {@link Stub} here):
 * the same stdout and stderr as one stream and the same status. What the host's prompt needs of
 * app.sh before it runs there (notes/s18/hostsh-design.md, step 4's harness).
 */
class DockerLoopsBesideBashTest {
    /** The stand-in docker as a script for the real bash; {@link Stub} answers the same. */
    private static final String DOCKER = """
            #!/bin/sh
            case "$1" in
              ps) printf 'c1\\nc2\\nc3\\n' ;;
              inspect) echo "Error: No such object: $2" >&2; exit 1 ;;
              *) echo "docker $*" ;;
            esac
            """;

    static Stream<String> scripts() {
        return Stream.of(
                "for i in 1 2 3; do docker run -d --name web$i nginx; done",
                "for c in $(docker ps -q); do docker stop $c; done",
                "n=0; for c in $(docker ps -q); do n=$((n+1)); done; echo $n",
                "if docker inspect nosuch >/dev/null 2>&1; then echo up; else echo down; fi",
                "docker inspect nosuch; echo status $?",
                "i=0; while [ $i -lt 2 ]; do docker exec web$i true; i=$((i+1)); done",
                "f() { docker run --rm \"$@\"; }; f alpine echo hi",
                "docker run -d nginx && echo ok || echo failed",
                "for c in $(docker ps -q); do case $c in c2) echo skip $c;; *) docker rm -f $c;; esac; done",
                "nosuch; echo $?",
                // the body's docker reads no stdin: the loop goes on to the next name
                "docker ps -q | while read c; do docker inspect -f '{{.Name}}' $c; done",
                "docker ps -q | while read c; do docker stop $c; echo \"stopped $c\"; done",
                "x=web; if [ -n \"$x\" ] && [ \"$x\" != db ]; then docker logs \"$x\"; fi");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void bash(String script) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed here");
        Path dir = Files.createTempDirectory("docker-loops");
        try {
            Path docker = dir.resolve("docker");
            Files.writeString(docker, DOCKER);
            assumeTrue(docker.toFile().setExecutable(true));
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).directory(dir.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", dir.toString());
            pb.environment().put("HOME", "/root");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
            String real = out.replace("/bin/bash:", "bash:").stripTrailing();

            Stub stub = new Stub();
            new Sh("bash", Dialect.BASH, stub, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root")).start(stub, List.of("-c", script));
            stub.loop.runUntil(() -> stub.status != null);
            assertEquals(real + "\nstatus " + p.exitValue(), String.join("\n", stub.all()) + "\nstatus " + stub.status, script);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One bash process whose PATH holds only the stand-in docker, answering as {@link #DOCKER} does. */
    private static final class Stub extends VirtualProcess implements Commands {
        @Override
        public String provider(String name) {
            return name.equals("docker") ? "debian" : null;
        }

        @Override
        public Running start(int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
            List<String> args = argv.subList(1, argv.size());
            int status = 0;
            switch (args.isEmpty() ? "" : args.get(0)) {
                case "ps" -> List.of("c1", "c2", "c3").forEach(out::out);
                case "inspect" -> {
                    out.err("Error: No such object: " + args.get(1));
                    status = 1;
                }
                default -> out.out(String.join(" ", new ArrayList<>(argv)));
            }
            int s = status;
            schedule(1_000_000, () -> done.accept(s));
            return new Running() {
                @Override
                public int pid() {
                    return 2;
                }

                @Override
                public void signal(Signal signal) {
                }
            };
        }

        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String readFile(String path) {
            return null;
        }

        @Override
        public void writeFile(String path, String content) {
        }

        @Override
        public String hostname() {
            return "host";
        }

        @Override
        public List<String> stdin() {
            return List.of();
        }

        @Override
        public void daemonize() {
        }
    }
}
