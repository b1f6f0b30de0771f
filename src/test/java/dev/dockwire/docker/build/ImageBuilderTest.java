package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What dockerfile2llb's dispatch makes of a Dockerfile: the image config, files, steps, id. */
class ImageBuilderTest {
    private static final ImageConfig NGINX = new ImageConfig("nginx", List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"),
            List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.27.3"), "", "",
            List.of("80/tcp"), "SIGQUIT", null, Map.of("nginx", "nginx"));
    private static final ImageConfig NODE = new ImageConfig("node", List.of("docker-entrypoint.sh"), List.of("node"),
            List.of("PATH=/usr/local/bin:/usr/bin:/bin", "NODE_VERSION=20.18.1"), "", "", List.of(), "SIGTERM", null, Map.of());

    private static final Bases BASES = new Bases() {
        @Override
        public ImageConfig config(String image) {
            return image.startsWith("nginx") ? NGINX : image.startsWith("node") ? NODE : null;
        }

        @Override
        public String digest(String image) {
            return "sha256:abc";
        }
    };

    private static BuildContext context(Map<String, String> files) {
        return new BuildContext() {
            @Override
            public String read(String path) {
                return files.get(path);
            }

            @Override
            public List<String> files() {
                return files.keySet().stream().sorted().toList();
            }
        };
    }

    private static Build build(String dockerfile, Map<String, String> args, String target, Map<String, String> ctx) throws DockerfileException {
        return ImageBuilder.build(Dockerfile.parse(dockerfile), args, target, BASES, context(ctx));
    }

    @Test
    void nginxWithItsConfig() throws Exception {
        Build b = build("FROM nginx\nCOPY default.conf /etc/nginx/conf.d\n", Map.of(), null, Map.of("default.conf", "server {}\n"));
        assertEquals(Map.of("/etc/nginx/conf.d/default.conf", "server {}\n"), b.files());
        assertEquals(NGINX, b.config());
        assertEquals(List.of("[1/2] FROM docker.io/library/nginx:latest@sha256:abc", "[2/2] COPY default.conf /etc/nginx/conf.d"), b.steps());
        assertEquals(List.of("docker.io/library/nginx:latest"), b.bases());
        Build again = build("FROM nginx\nCOPY default.conf /etc/nginx/conf.d\n", Map.of(), null, Map.of("default.conf", "server {}\n"));
        assertEquals(b.digest(), again.digest());
        Build other = build("FROM nginx\nCOPY default.conf /etc/nginx/conf.d\n", Map.of(), null, Map.of("default.conf", "server { }\n"));
        assertNotEquals(b.digest(), other.digest());
    }

    @Test
    void configAsTheBuilderSetsIt() throws Exception {
        Build b = build("""
                ARG PORT=3000
                FROM node:20-alpine AS app
                ARG PORT
                ARG MODE=dev
                ENV NODE_ENV=${MODE:-production} APP_PORT=$PORT
                ENV NODE_VERSION=override
                WORKDIR /usr/src
                WORKDIR app
                USER node
                EXPOSE $PORT 9229/udp 7000-7001
                STOPSIGNAL SIGINT
                HEALTHCHECK CMD ["curl", "-f", "http://localhost:3000/"]
                ENTRYPOINT ["tini", "--"]
                CMD node server.js
                LABEL org.opencontainers.image.title="my app"
                """, Map.of("MODE", "prod"), null, Map.of());
        ImageConfig c = b.config();
        assertEquals(List.of("PATH=/usr/local/bin:/usr/bin:/bin", "NODE_VERSION=override", "NODE_ENV=prod", "APP_PORT=3000"), c.env());
        assertEquals("/usr/src/app", c.workingDir());
        assertEquals("node", c.user());
        assertEquals(List.of("3000/tcp", "7000/tcp", "7001/tcp", "9229/udp"), c.exposedPorts());
        assertEquals("SIGINT", c.stopSignal());
        assertEquals(List.of("CMD", "curl", "-f", "http://localhost:3000/"), c.healthcheck().test());
        assertEquals(List.of("tini", "--"), c.entrypoint());
        assertEquals(List.of("/bin/sh", "-c", "node server.js"), c.cmd());
        assertEquals("node", c.reference());
        assertEquals(Map.of("org.opencontainers.image.title", "my app"), b.labels());
    }

    @Test
    void entrypointResetsTheBasesCmd() throws Exception {
        ImageConfig c = build("FROM nginx\nENTRYPOINT exec nginx\n", Map.of(), null, Map.of()).config();
        assertEquals(List.of("/bin/sh", "-c", "exec nginx"), c.entrypoint());
        assertEquals(List.of(), c.cmd());
    }

    @Test
    void multiStageAndTarget() throws Exception {
        String df = """
                FROM node:20 AS build
                WORKDIR /src
                COPY . .
                RUN npm run build
                FROM nginx:alpine
                COPY --from=build /src/index.html /usr/share/nginx/html/
                FROM scratch AS unused
                """;
        Build b = build(df, Map.of(), "", Map.of("index.html", "<h1>hi</h1>\n"));
        assertNull(b.config().healthcheck());
        assertEquals("scratch", b.config().reference());
        Build web = build(df.replace("FROM scratch AS unused\n", ""), Map.of(), null, Map.of("index.html", "<h1>hi</h1>\n"));
        assertEquals("<h1>hi</h1>\n", web.files().get("/usr/share/nginx/html/index.html"));
        assertEquals(List.of("[build 1/4] FROM docker.io/library/node:20@sha256:abc", "[build 2/4] WORKDIR /src", "[build 3/4] COPY . .",
                "[build 4/4] RUN npm run build", "[stage-1 1/2] FROM docker.io/library/nginx:alpine@sha256:abc",
                "[stage-1 2/2] COPY --from=build /src/index.html /usr/share/nginx/html/"), web.steps());
        assertEquals(List.of("npm run build"), web.runs());
        Build first = build(df, Map.of(), "build", Map.of("index.html", "x"));
        assertEquals("/src", first.config().workingDir());
        assertEquals("target stage \"buld\" could not be found (did you mean build?)",
                assertThrows(DockerfileException.class, () -> build(df, Map.of(), "buld", Map.of())).getMessage());
    }

    @Test
    void unknownBaseAndMissingSource() {
        assertEquals("docker.io/library/nope:latest: failed to resolve source metadata for docker.io/library/nope:latest: pull access denied, "
                        + "repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
                assertThrows(DockerfileException.class, () -> build("FROM nope\n", Map.of(), null, Map.of())).getMessage());
        String missing = assertThrows(DockerfileException.class, () -> build("FROM nginx\nCOPY app.py /app/\n", Map.of(), null, Map.of())).getMessage();
        assertTrue(missing.matches("failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]{36}::[0-9a-z]{25}: \"/app.py\": not found"), missing);
    }

    @Test
    void buildkitsPlatformArgsAndCopyFromAnImage() throws Exception {
        Build b = build("# syntax=docker/dockerfile:1.4\nFROM --platform=$BUILDPLATFORM node:lts AS dev\nARG TARGETARCH\nARG TARGETOS\n"
                + "ENV ARCH=$TARGETARCH OS=$TARGETOS\nCOPY --from=nginx:alpine /etc/nginx /etc/nginx\n", Map.of(), "dev", Map.of());
        assertTrue(b.config().env().containsAll(List.of("ARCH=amd64", "OS=linux")), b.config().env().toString());
        assertEquals(List.of("docker.io/library/node:lts", "docker.io/library/nginx:alpine"), b.bases());
        DockerfileException e = assertThrows(DockerfileException.class,
                () -> build("FROM node\nCOPY --from=gloursdocker/docker / /\n", Map.of(), null, Map.of()));
        assertTrue(e.getMessage().contains("docker.io/gloursdocker/docker:latest: failed to resolve source metadata for "
                + "docker.io/gloursdocker/docker:latest: pull access denied"), e.getMessage());
    }
}
