package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker tag / image tag and docker image inspect / inspect IMAGE as the 28.2 client prints them:
 * the client's reference errors and usage texts (checked with /usr/local/bin/docker against the
 * reference engine), the daemon's {@code No such image: NAME:TAG} (moby 28 daemon/images/image.go)
 * and {@code Untagged:} records, and the image JSON in api/types/image.InspectResponse's order with
 * inspect_response.go's sorted Config; {@code --format} reads the client's struct, whose Config
 * keeps ocispec.ImageConfig's order and leaves empty fields out (as {@code {{json .Config}}} of
 * nginx printed on the reference engine).
 */
class ImageTagInspectTest {
    private final TestHost h = new TestHost(7);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aContainerFromATaggedNameRunsThatImage() {
        h.ok("docker network create im-net");
        h.ok("docker pull nginx");
        h.ok("docker tag nginx im-web:1");
        h.ok("docker run -d --name im-web --network im-net im-web:1");
        h.ok("docker run -d --name im-client --network im-net alpine sleep 1d");
        h.ok("sleep 2");
        assertTrue(String.join("\n", h.ok("docker exec im-client wget -qO- http://im-web")).contains("Welcome to nginx!"));
        assertEquals(List.of("/docker-entrypoint.sh nginx -g daemon off;"),
                h.ok("docker inspect im-web --format '{{join .Config.Entrypoint \" \"}} {{join .Config.Cmd \" \"}}'"));
        // nginx:latest is Debian's: it has bash, and no BusyBox applets.
        assertEquals(126, h.run("docker exec im-web ping -c1 im-client").status());
    }

    @Test
    void tagNamesTheSameImageAndRmiOfATagOnlyUntagsIt() {
        h.ok("docker pull busybox");
        assertEquals(List.of(), h.ok("docker tag busybox im-bb:v1"));
        assertEquals(List.of(), h.ok("docker image tag aaef90e06523 im-bb:v2"));
        assertEquals(List.of("im-bb:v1 aaef90e06523", "im-bb:v2 aaef90e06523"),
                h.ok("docker images im-bb --format '{{.Repository}}:{{.Tag}} {{.ID}}'"));
        assertEquals(List.of("sha256:aaef90e065235eb0b2d9938be85d1b81add2902cf89affe2cdfa19be33476ac0 [busybox:latest im-bb:v1 im-bb:v2]"),
                h.ok("docker inspect im-bb:v1 --format '{{.Id}} {{.RepoTags}}'"));
        List<String> digests = h.ok("docker images --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}}'");
        assertEquals(3, digests.size(), digests.toString());
        assertTrue(digests.get(0).matches("busybox:latest sha256:[0-9a-f]{64}"), digests.get(0));
        assertEquals(List.of("im-bb:v1 <none>", "im-bb:v2 <none>"), digests.subList(1, 3));
        assertEquals(List.of("Untagged: im-bb:v1", "Untagged: im-bb:v2"), h.ok("docker rmi im-bb:v1 im-bb:v2"));
        assertEquals(List.of("busybox"), h.ok("docker images --format '{{.Repository}}'"));
        // the tag outlives the name it was given from, and a container of it runs the image's config
        h.ok("docker tag busybox im-bb:v3");
        // image_delete.go: the repository's last tag gone, its digest reference goes too; the image stays
        List<String> untagged = h.ok("docker rmi busybox");
        assertEquals(2, untagged.size(), untagged.toString());
        assertEquals("Untagged: busybox:latest", untagged.get(0));
        assertTrue(untagged.get(1).matches("Untagged: busybox@sha256:[0-9a-f]{64}"), untagged.get(1));
        assertEquals(List.of("[sh]"), h.ok("docker image inspect -f '{{.Config.Cmd}}' im-bb:v3"));
        CommandResult missing = h.run("docker tag nosuch im-x");
        assertEquals(List.of("Error response from daemon: No such image: nosuch:latest"), missing.output());
        assertEquals(1, missing.status());
        assertEquals(List.of("Error parsing reference: \"IM-X\" is not a valid repository/tag: invalid reference format: "
                + "repository name (library/IM-X) must be lowercase"), h.run("docker tag im-bb:v3 IM-X").output());
        assertEquals(List.of("docker: 'docker tag' requires 2 arguments", "", "Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "",
                "Run 'docker tag --help' for more information"), h.run("docker tag busybox").output());
        assertEquals(List.of("docker: 'docker image tag' requires 2 arguments", "",
                "Usage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "", "Run 'docker image tag --help' for more information"),
                h.run("docker image tag busybox:latest im-bb:v9 extra").output());
        assertEquals(List.of("Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
                "", "Aliases:", "  docker image tag, docker tag"), h.ok("docker tag --help"));
    }

    @Test
    void imageInspectPrintsTheDaemonsJsonAndFormatsTheClientsStruct() {
        h.ok("docker pull alpine");
        String digest = h.ok("docker image inspect -f '{{index .RepoDigests 0}}' alpine").get(0);
        assertTrue(digest.matches("alpine@sha256:[0-9a-f]{64}"), digest);
        assertEquals(List.of(
                "[",
                "    {",
                "        \"Id\": \"sha256:320994c3b997e2ec6433f717f153e108023c5bec8fefa8d76b83451d16d05ea8\",",
                "        \"RepoTags\": [",
                "            \"alpine:latest\"",
                "        ],",
                "        \"RepoDigests\": [",
                "            \"" + digest + "\"",
                "        ],",
                "        \"Parent\": \"\",",
                "        \"Comment\": \"\",",
                "        \"Created\": \"2026-09-17T20:37:20.889221879Z\",",
                "        \"DockerVersion\": \"\",",
                "        \"Author\": \"\",",
                "        \"Config\": {",
                "            \"Cmd\": [",
                "                \"/bin/sh\"",
                "            ],",
                "            \"Entrypoint\": null,",
                "            \"Env\": [",
                "                \"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"",
                "            ],",
                "            \"Labels\": null,",
                "            \"OnBuild\": null,",
                "            \"User\": \"\",",
                "            \"Volumes\": null,",
                "            \"WorkingDir\": \"\"",
                "        },",
                "        \"Architecture\": \"amd64\",",
                "        \"Os\": \"linux\",",
                "        \"Size\": 8420000,",
                "        \"GraphDriver\": {",
                "            \"Data\": null,",
                "            \"Name\": \"overlay2\"",
                "        },",
                "        \"RootFS\": {",
                "            \"Type\": \"layers\",",
                "            \"Layers\": [",
                "                \"sha256:daff699a5408a45a30589754127b295619c34512c42d8ccf14bed6c6ac059ff9\"",
                "            ]",
                "        },",
                "        \"Metadata\": {",
                "            \"LastTagTime\": \"0001-01-01T00:00:00Z\"",
                "        }",
                "    }",
                "]"), h.ok("docker image inspect alpine"));
        h.ok("docker pull nginx");
        assertEquals(List.of("{\"ExposedPorts\":{\"80/tcp\":{}},\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\","
                + "\"NGINX_VERSION=1.31.3\",\"NJS_VERSION=1.0.0\",\"NJS_RELEASE=1~trixie\",\"ACME_VERSION=0.4.1\",\"PKG_RELEASE=1~trixie\","
                + "\"DYNPKG_RELEASE=1~trixie\"],\"Entrypoint\":[\"/docker-entrypoint.sh\"],\"Cmd\":[\"nginx\",\"-g\",\"daemon off;\"],"
                + "\"StopSignal\":\"SIGQUIT\"}"), h.ok("docker image inspect -f '{{json .Config}}' nginx"));
        assertEquals(List.of("linux/amd64 8420000 0001-01-01 00:00:00 +0000 UTC"),
                h.ok("docker inspect --type image alpine -f '{{.Os}}/{{.Architecture}} {{.Size}} {{.Metadata.LastTagTime}}'"));
        CommandResult missing = h.run("docker image inspect alpine nosuch -f '{{.Id}}'");
        assertEquals(List.of("sha256:320994c3b997e2ec6433f717f153e108023c5bec8fefa8d76b83451d16d05ea8",
                "Error response from daemon: No such image: nosuch:latest"), missing.output());
        assertEquals(1, missing.status());
        assertEquals(List.of("[]", "Error response from daemon: No such container: nosuch"), h.run("docker container inspect nosuch").output());
        assertEquals(List.of("[]", "Error: No such object: nosuch"), h.run("docker inspect nosuch").output());
    }

    @Test
    void theAwesomeComposeImagesAreCatalogueImages() {
        h.ok("docker pull elasticsearch:7.16.1");
        h.ok("docker pull portainer/portainer-ce:alpine");
        h.ok("docker pull mcr.microsoft.com/azure-sql-edge:1.0.4");
        assertEquals(List.of("[\"/bin/tini\",\"--\",\"/usr/local/bin/docker-entrypoint.sh\"] [eswrapper] 621530000 /usr/share/elasticsearch"),
                h.ok("docker image inspect -f '{{json .Config.Entrypoint}} {{.Config.Cmd}} {{.Size}} {{.Config.WorkingDir}}' elasticsearch:7.16.1"));
        assertEquals(List.of("portainer/portainer-ce"), h.ok("docker images --filter label=io.portainer.server=true --format '{{.Repository}}'"));
        assertEquals(List.of(), h.ok("docker images --filter label=a=b --format '{{.Repository}}'"));
        h.ok("docker run -d --name es elasticsearch:7.16.1");
        assertEquals(List.of("open"), h.ok("docker run --rm busybox sh -c 'nc -z -w 1 " + h.ok("docker inspect -f "
                + "'{{.NetworkSettings.IPAddress}}' es").get(0) + " 9200 && echo open'"));
    }
}
