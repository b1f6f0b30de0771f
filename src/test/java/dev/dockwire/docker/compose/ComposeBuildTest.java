package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service with build: runs the image Compose v2 builds from its Dockerfile, {@code <project>-<service>}
 * (or its {@code image:}), never the stock image of its name: built at {@code up} when the daemon lacks it,
 * again with {@code up --build} and {@code compose build}, with the display Compose 2.36 prints.
 */
class ComposeBuildTest {
    private final TestHost h = new TestHost(5);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aBuildOnlyServiceNamedNginxDoesNotRunNginx() {
        h.run("mkdir -p /app && printf 'FROM alpine\\nCMD [\"sleep\", \"3600\"]\\n' > /app/Dockerfile");
        h.run("mkdir -p /app && printf 'services:\\n  nginx:\\n    build: .\\n  client:\\n    image: nicolaka/netshoot\\n    command: [sleep, \"3600\"]\\n' > /app/compose.yaml");
        List<String> up = h.ok("docker compose -f /app/compose.yaml -p shop up -d");
        assertEquals(ComposeBuild.BAKE_SUGGEST, up.subList(0, 2));
        assertTrue(up.contains(" => [nginx 1/1] FROM docker.io/library/alpine:latest@" + h.world.host().engine().images().published("alpine").id()),
                String.join("\n", up));
        assertEquals(List.of("shop-nginx"), h.ok("docker inspect -f '{{.Config.Image}}' shop-nginx-1"));
        assertEquals(List.of("[sleep 3600]"), h.ok("docker inspect -f '{{.Config.Cmd}}' shop-nginx-1"));
        CommandResult curl = h.run("docker exec shop-client-1 curl -s http://nginx");
        assertEquals(7, curl.status(), "nothing listens in a built image dockwire was not told of: " + curl.output());
    }

    @Test
    void aDeclaredBuiltImageAnswers() {
        h.run("mkdir -p /app && printf 'FROM alpine\\nEXPOSE 80\\n' > /app/Dockerfile");
        h.run("mkdir -p /app && printf 'services:\\n  web:\\n    build: .\\n  client:\\n    image: nicolaka/netshoot\\n    command: [sleep, \"3600\"]\\n"
                + "x-dockwire:\\n  images:\\n    app-web: {http: 80, answer: built}\\n' > /app/compose.yaml");
        h.ok("docker compose -f /app/compose.yaml -p app up -d");
        assertEquals(List.of("built"), h.ok("docker exec app-client-1 curl -s http://web"));
    }

    @Test
    void upBuildsWhatIsMissingThenRunsTheDockerfilesConfig() {
        h.run("mkdir -p /shop/web && printf 'FROM nginx:alpine\\nENV MODE=prod\\nEXPOSE 8080\\nHEALTHCHECK --interval=5s CMD wget -q -O- localhost || exit 1\\n"
                + "CMD [\"nginx\", \"-g\", \"daemon off;\"]\\n' > /shop/web/Dockerfile");
        h.run("mkdir -p /shop && printf 'services:\\n  web:\\n    build: ./web\\n' > /shop/compose.yaml");
        List<String> up = h.ok("docker compose -f /shop/compose.yaml up -d");
        String id = h.world.host().engine().images().published("shop-web").id();
        assertEquals(List.of(ComposeBuild.BAKE_SUGGEST.get(0), ComposeBuild.BAKE_SUGGEST.get(1),
                "[+] Building 0.0s (5/5) FINISHED",
                " => [web internal] load build definition from Dockerfile",
                " => => transferring dockerfile: 141B",
                " => [web internal] load metadata for docker.io/library/nginx:alpine",
                " => [web internal] load .dockerignore",
                " => => transferring context: 2B",
                " => [web 1/1] FROM docker.io/library/nginx:alpine@" + h.world.host().engine().images().published("nginx:alpine").id(),
                " => [web] exporting to image",
                " => => exporting layers",
                " => => writing image " + id,
                " => => naming to docker.io/library/shop-web:latest",
                "[+] Running 3/3",
                " ✔ web                   Built",
                " ✔ Network shop_default  Created",
                " ✔ Container shop-web-1  Started"), up);
        assertEquals(List.of("[MODE=prod]"), h.ok("docker inspect -f '{{json .Config.Env}}' shop-web-1").stream()
                .map(l -> l.contains("\"MODE=prod\"") ? "[MODE=prod]" : l).toList());
        assertTrue(h.ok("docker inspect -f '{{json .Config.ExposedPorts}}' shop-web-1").get(0).contains("\"8080/tcp\":{}"));
        assertEquals(List.of("[CMD-SHELL wget -q -O- localhost || exit 1]"), h.ok("docker inspect -f '{{.Config.Healthcheck.Test}}' shop-web-1"));
        assertEquals(List.of("[nginx -g daemon off;]"), h.ok("docker inspect -f '{{.Config.Cmd}}' shop-web-1"));

        List<String> again = h.ok("docker compose -f /shop/compose.yaml up -d");
        assertFalse(again.contains("[+] Building 0.0s (5/5) FINISHED"), "the image is there: nothing is built\n" + String.join("\n", again));
        assertTrue(h.ok("docker compose -f /shop/compose.yaml up -d --build").contains(" ✔ web                   Built"));
        List<String> build = h.ok("docker compose -f /shop/compose.yaml build web");
        assertEquals(List.of("[+] Building 1/1", " ✔ web  Built"), build.subList(build.size() - 2, build.size()));
    }

    @Test
    void theLongFormTakesContextDockerfileArgsAndTarget() {
        h.run("mkdir -p /p/app && printf 'ARG BASE=alpine\\nFROM ${BASE} AS builder\\nENV STAGE=builder\\nFROM builder AS runtime\\nENV STAGE=runtime\\n' > /p/app/Dockerfile.dev");
        h.run("mkdir -p /p && printf 'services:\\n  api:\\n    image: acme/api:2\\n    build:\\n      context: app\\n      dockerfile: Dockerfile.dev\\n"
                + "      target: builder\\n      args: [BASE=busybox]\\n    command: [sleep, \"60\"]\\n' > /p/compose.yaml");
        List<String> up = h.ok("docker compose -f /p/compose.yaml -p p up -d");
        assertTrue(up.contains(" => [api builder 1/1] FROM docker.io/library/busybox:latest@"
                + h.world.host().engine().images().published("busybox").id()), String.join("\n", up));
        assertTrue(up.contains(" => [api internal] load metadata for docker.io/library/busybox:latest"), String.join("\n", up));
        assertTrue(up.contains(" => => naming to docker.io/acme/api:2"), String.join("\n", up));
        assertTrue(h.ok("docker inspect -f '{{json .Config.Env}}' p-api-1").get(0).contains("STAGE=builder"));
        assertEquals(List.of("acme/api:2"), h.ok("docker inspect -f '{{.Config.Image}}' p-api-1"));
    }

    @Test
    void aFailedBuildFailsTheUpAndAMissingContextOrDockerfileIsRefused() {
        h.run("mkdir -p /q/web && printf 'FROM nosuchbase\\n' > /q/web/Dockerfile");
        h.run("mkdir -p /q && printf 'services:\\n  web:\\n    build: ./web\\n' > /q/compose.yaml");
        CommandResult r = h.run("docker compose -f /q/compose.yaml up -d");
        assertEquals(1, r.status());
        assertTrue(r.output().get(r.output().size() - 1).startsWith("failed to solve: docker.io/library/nosuchbase:latest: failed to resolve source metadata"),
                String.join("\n", r.output()));

        h.run("mkdir -p /q && printf 'services:\\n  web:\\n    build: ./nowhere\\n' > /q/compose.yaml");
        CommandResult missing = h.run("docker compose -f /q/compose.yaml up -d");
        assertEquals(1, missing.status());
        // Compose 2.26.1 on the reference engine: the same line (exit 17, its BuildFailure category, which 2.36 dropped).
        assertEquals(List.of(ComposeBuild.BAKE_SUGGEST.get(0), ComposeBuild.BAKE_SUGGEST.get(1),
                "unable to prepare context: path \"/q/nowhere\" not found"), missing.output());
        assertEquals(List.of("bridge", "host", "none"), h.ok("docker network ls --format '{{.Name}}'"), "nothing is created");
        assertEquals(List.of(), h.ok("docker ps -aq"));

        h.run("mkdir -p /q/bare && printf 'services:\\n  web:\\n    build: ./bare\\n' > /q/compose.yaml");
        CommandResult bare = h.run("docker compose -f /q/compose.yaml build");
        assertEquals(1, bare.status());
        assertEquals(List.of("#1 [internal] load build definition from Dockerfile", "#1 transferring dockerfile: 2B done", "#1 DONE 0.0s",
                "failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory"),
                bare.output().subList(bare.output().size() - 4, bare.output().size()));
    }
}
