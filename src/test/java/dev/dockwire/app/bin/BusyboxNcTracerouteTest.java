package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyboxNcTracerouteTest {
    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private CommandResult run(String line) {
        CommandResult r = h.run(line);
        System.out.println("$ " + line + "\n" + String.join("\n", r.output()) + "\n[" + r.status() + "]");
        return r;
    }

    @Test
    void scratch() {
        run("docker network create --subnet 172.25.0.0/16 i18-nc-net");
        run("docker run -d --name srv --network i18-nc-net alpine nc -lk -p 8080 -e /bin/cat");
        run("docker run -d --name web --network i18-nc-net nginx:alpine");
        run("docker run -d --name c --network i18-nc-net alpine sleep 600");
        run("docker exec c nc -zv web 80");
        run("docker exec c nc -zv web 81");
        run("docker exec c nc -zvv web 81");
        run("docker exec c nc -z web 81");
        run("docker exec c nc -zv -w 1 10.255.255.1 80");
        run("docker exec c nc -zv nosuchhost 80");
        run("docker exec c sh -c 'echo hello | nc -w 1 srv 8080'");
        run("docker exec c sh -c 'echo hello | nc srv 8080'");
        run("docker exec c sh -c 'printf \"GET / HTTP/1.0\\r\\n\\r\\n\" | nc web 80'");
        run("docker exec c nc -Q");
        run("docker exec c nc");
        run("docker exec c traceroute -n srv");
        run("docker exec c traceroute srv");
        run("docker exec c traceroute -n -q 1 172.25.0.1");
        run("docker exec c traceroute -n -m 2 -w 1 10.255.255.1");
        run("docker exec c traceroute -I -n srv");
        run("docker exec c traceroute -n 8.8.8.8");
        run("docker exec c traceroute nosuchhost");
        run("docker exec c traceroute");
        run("docker exec c nc -vv -w 1 -u srv 9999 -z");
    }
}
