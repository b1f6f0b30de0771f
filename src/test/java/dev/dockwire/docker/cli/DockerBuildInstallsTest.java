package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker build} end to end for what RUN installs and LABEL says: the tools a package ships
 * run in the image's containers as after a real build, the other RUN commands are named in one
 * WARNING line, and the labels are the image's and its containers' Config.Labels.
 */
class DockerBuildInstallsTest {
    private final TestHost h = new TestHost(23);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void alpineWithCurlHasCurl() {
        h.ok("docker run -d --name web nginx");
        CommandResult bare = h.run("docker run --rm --link web alpine curl -s http://web");
        assertEquals(127, bare.status(), "alpine has no curl: " + bare.output());

        h.run("mkdir -p /probe && printf 'FROM alpine\\nRUN apk add --no-cache curl bind-tools iproute2\\n' > /probe/Dockerfile");
        List<String> out = h.ok("docker build -t probe:1 /probe");
        assertTrue(out.contains("#5 [2/2] RUN apk add --no-cache curl bind-tools iproute2"), String.join("\n", out));
        assertTrue(out.stream().noneMatch(l -> l.startsWith("WARNING")), String.join("\n", out));
        assertTrue(String.join("\n", h.ok("docker run --rm --link web probe:1 curl -s http://web")).contains("Welcome to nginx!"));
        h.ok("docker network create inst");
        h.ok("docker run -d --name api --network inst nginx");
        String ip = h.ok("docker inspect -f '{{.NetworkSettings.Networks.inst.IPAddress}}' api").get(0);
        assertEquals(List.of(ip), h.ok("docker run --rm --network inst probe:1 dig +short api"));
        assertTrue(String.join("\n", h.ok("docker run --rm probe:1 ip -o link show lo")).contains("lo: <LOOPBACK,UP,LOWER_UP>"));
    }

    @Test
    void debianWithAptGetHasPingAndOtherRunLinesAreSaidOnce() {
        h.ok("docker run -d --name web nginx");
        h.run("mkdir -p /deb && printf 'FROM debian\\nRUN apt-get update && apt-get install -y iputils-ping curl dnsutils net-tools"
                + " && rm -rf /var/lib/apt/lists/*\\nRUN perl -e 1\\nRUN useradd -m app\\n' > /deb/Dockerfile");
        List<String> out = h.ok("docker build -t deb:1 /deb");
        assertEquals("WARNING: RUN commands dockwire could not run (a program or package it does not model; the image lacks what they make): "
                + "perl -e 1 (line 3), useradd -m app (line 4)", out.get(out.size() - 1));
        assertEquals(1, out.stream().filter(l -> l.startsWith("WARNING")).count());
        List<String> ping = h.ok("docker run --rm --link web deb:1 ping -c 1 web");
        assertTrue(ping.get(0).startsWith("PING web ("), String.join("\n", ping));
        assertTrue(ping.contains("1 packets transmitted, 1 received, 0% packet loss, time 0ms"), String.join("\n", ping));
    }

    @Test
    void labelsAreTheImagesAndItsContainers() {
        h.run("mkdir -p /l && printf 'FROM alpine\\nLABEL org.opencontainers.image.title=probe maintainer=\"ops team\"\\nCMD [\"sleep\", \"60\"]\\n' > /l/Dockerfile");
        h.ok("docker build -t labelled:1 --label tier=edge /l");
        assertEquals(List.of("{\"maintainer\":\"ops team\",\"org.opencontainers.image.title\":\"probe\",\"tier\":\"edge\"}"),
                h.ok("docker image inspect -f '{{json .Config.Labels}}' labelled:1"));
        h.ok("docker run -d --name lab --label tier=core --label owner=me labelled:1");
        assertEquals(List.of("{\"maintainer\":\"ops team\",\"org.opencontainers.image.title\":\"probe\",\"owner\":\"me\",\"tier\":\"core\"}"),
                h.ok("docker inspect -f '{{json .Config.Labels}}' lab"));
        assertEquals(List.of("labelled:1"), h.ok("docker images --filter label=tier=edge --format '{{.Repository}}:{{.Tag}}'"));
    }
}
