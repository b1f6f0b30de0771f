package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.docker.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RUN lines: the packages they install become the image's programs, the rest is skipped and said once. */
class RunInstallsTest {
    private static final ImageConfig ALPINE = new ImageConfig("alpine", List.of(), List.of("/bin/sh"), List.of(ImageConfig.DEFAULT_PATH),
            "", "", List.of(), "SIGTERM", null, Map.of("sh", "busybox", "ping", "busybox", "apk", "alpine"));
    private static final Map<String, Map<String, String>> ALPINE_PACKAGES = Map.of("curl", Map.of("curl", "curl"),
            "bind-tools", Map.of("dig", "bind9", "nslookup", "bind9", "host", "bind9"), "iputils", Map.of("ping", "iputils"));
    private static final Map<String, Map<String, String>> DEBIAN_PACKAGES = Map.of("iputils-ping", Map.of("ping", "iputils"),
            "curl", Map.of("curl", "curl"));

    private static final Bases BASES = new Bases() {
        @Override
        public ImageConfig config(String image) {
            return ALPINE;
        }

        @Override
        public String digest(String image) {
            return "sha256:abc";
        }

        @Override
        public Map<String, String> labels(String image) {
            return Map.of("org.opencontainers.image.vendor", "base", "maintainer", "base");
        }

        @Override
        public Map<String, String> packagePrograms(String family, String pkg) {
            return (family.equals("alpine") ? ALPINE_PACKAGES : family.equals("debian") ? DEBIAN_PACKAGES : Map.<String, Map<String, String>>of())
                    .get(pkg);
        }
    };

    private static Build build(String dockerfile) throws DockerfileException {
        return ImageBuilder.build(Dockerfile.parse(dockerfile), Map.of(), null, BASES, new BuildContext() {
            @Override
            public String read(String path) {
                return null;
            }

            @Override
            public List<String> files() {
                return List.of();
            }
        });
    }

    @Test
    void apkAddPutsThePackagesProgramsOnThePath() throws Exception {
        Build b = build("FROM alpine\nRUN apk add --no-cache --virtual .tools curl=8.5.0-r0 bind-tools iputils\n");
        assertEquals("curl", b.config().providers().get("curl"));
        assertEquals("bind9", b.config().providers().get("dig"));
        assertEquals("iputils", b.config().providers().get("ping"), "iputils' ping over BusyBox's");
        assertEquals("busybox", b.config().providers().get("sh"));
        assertEquals(List.of(), b.skipped());
        assertNull(RunInstalls.warning(b.skipped()));
    }

    @Test
    void aptGetWithItsHousekeepingSkipsNothing() throws Exception {
        Build b = build("FROM debian\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
                + " iputils-ping curl \\\n && rm -rf /var/lib/apt/lists/*\n");
        assertEquals("iputils", b.config().providers().get("ping"));
        assertEquals("curl", b.config().providers().get("curl"));
        assertEquals(List.of(), b.skipped());
    }

    @Test
    void otherCommandsAndUnknownPackagesAreSkippedAndSaidInOneLine() throws Exception {
        Build b = build("FROM alpine\nRUN apk add curl nodejs && npm ci\nWORKDIR /app\nRUN [\"pip\", \"install\", \"flask\"]\n");
        assertEquals("curl", b.config().providers().get("curl"));
        assertEquals(List.of("apk add nodejs (line 2)", "npm ci (line 2)", "pip install flask (line 4)"), b.skipped());
        assertEquals(List.of("apk add curl nodejs && npm ci", "pip install flask"), b.runs());
        assertEquals("WARNING: RUN commands not executed (dockwire installs the packages it models and runs nothing else): "
                + "apk add nodejs (line 2), npm ci (line 2), pip install flask (line 4)", RunInstalls.warning(b.skipped()));
    }

    @Test
    void aBuilderStagesInstallsStayInIt() throws Exception {
        Build b = build("FROM alpine AS tools\nRUN apk add curl\nFROM alpine\nRUN apk add bind-tools\n");
        assertNull(b.config().providers().get("curl"));
        assertEquals("bind9", b.config().providers().get("dig"));
    }

    @Test
    void labelsGoOverTheBases() throws Exception {
        Build b = build("FROM alpine\nLABEL maintainer=\"ops team\" version=2\n");
        assertEquals(Map.of("org.opencontainers.image.vendor", "base", "maintainer", "ops team", "version", "2"), b.labels());
    }

    @Test
    void theShellLineIsCutAtItsOperatorsWithQuotesRemoved() {
        assertEquals(List.of(List.of("apk", "add", "curl"), List.of("echo", "a && b"), List.of("x"), List.of("y"), List.of("z")),
                RunInstalls.commands("apk add curl && echo 'a && b'; x || y | z"));
    }
}
