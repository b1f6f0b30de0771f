package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.ImageConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue against the configs Docker Hub publishes (docker-library/repo-info), and how references resolve in it. */
class ImagesTest {

    @Test
    void nginxIsItsEntrypointScriptThenDaemonOffAndStopsOnSigquit() {
        ImageConfig c = Images.config("nginx");
        assertEquals(List.of("/docker-entrypoint.sh"), c.entrypoint());
        assertEquals(List.of("nginx", "-g", "daemon off;"), c.cmd());
        assertEquals(List.of("80/tcp"), c.exposedPorts());
        assertEquals("SIGQUIT", c.stopSignal());
        assertEquals("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", c.env().get(0));
        assertTrue(c.env().contains("NGINX_VERSION=1.31.3"), c.env().toString());
        for (String variant : List.of("nginx", "nginx:alpine")) {
            // docker-library builds both variants of a release from one NGINX_VERSION; the daemon prints it.
            assertTrue(Images.config(variant).env().contains(
                            "NGINX_VERSION=" + dev.dockwire.app.http.Nginx.VERSION.substring("nginx/".length())),
                    variant + ": the emulated nginx calls itself the catalogue's version");
        }
        assertNull(c.healthcheck());
        assertTrue(c.programs().contains("curl"), "the debian image installs curl");
        assertFalse(c.programs().contains("ping"));
        assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"), c.argv(List.of()));
        assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-T"), c.argv(List.of("nginx", "-T")));
    }

    @Test
    void alpineAndBusyboxAreAShellWithBusyboxApplets() {
        ImageConfig alpine = Images.config("alpine");
        assertEquals(List.of(), alpine.entrypoint());
        assertEquals(List.of("/bin/sh"), alpine.cmd());
        assertEquals("", alpine.workingDir());
        assertEquals("", alpine.user());
        assertEquals("SIGTERM", alpine.stopSignal());
        for (String p : List.of("sh", "ping", "wget", "nc", "nslookup", "ip", "ifconfig", "route", "netstat", "traceroute",
                "hostname", "ps", "cat", "echo", "sleep", "apk")) {
            assertTrue(alpine.programs().contains(p), p);
        }
        assertFalse(alpine.programs().contains("curl"), "alpine has no curl");
        ImageConfig busybox = Images.config("busybox");
        assertEquals(List.of("sh"), busybox.cmd());
        assertTrue(busybox.programs().containsAll(List.of("ping", "nc", "wget", "telnet")));
        assertFalse(busybox.programs().contains("apk"));
    }

    @Test
    void debianAndUbuntuHaveNoNetworkTools() {
        assertEquals(List.of("bash"), Images.config("debian").cmd());
        assertEquals(List.of("/bin/bash"), Images.config("ubuntu").cmd());
        for (String image : List.of("debian", "ubuntu")) {
            ImageConfig c = Images.config(image);
            assertTrue(c.programs().containsAll(List.of("bash", "sh", "cat", "sleep", "hostname")), image);
            for (String missing : List.of("ping", "ip", "curl", "wget", "ps", "nslookup")) {
                assertFalse(c.programs().contains(missing), image + " " + missing);
            }
        }
    }

    @Test
    void theDatabasesHaveTheirOwnCheckPrograms() {
        ImageConfig pg = Images.config("postgres");
        assertEquals(List.of("docker-entrypoint.sh"), pg.entrypoint());
        assertEquals(List.of("postgres"), pg.cmd());
        assertEquals("SIGINT", pg.stopSignal());
        assertEquals(List.of("5432/tcp"), pg.exposedPorts());
        assertTrue(pg.env().contains("PGDATA=/var/lib/postgresql/18/docker"));
        assertTrue(pg.programs().containsAll(List.of("pg_isready", "psql")));
        assertEquals(List.of("mysqld"), Images.config("mysql").cmd());
        assertEquals(List.of("3306/tcp", "33060/tcp"), Images.config("mysql").exposedPorts());
        assertTrue(Images.config("mysql").programs().contains("mysqladmin"));
        assertTrue(Images.config("mariadb").programs().containsAll(List.of("mariadb-admin", "healthcheck.sh")));
        assertFalse(Images.config("mariadb").programs().contains("mysqladmin"), "MariaDB 11+ images dropped the mysql names");
        for (String ref : List.of("mariadb:10", "mariadb:10-focal", "mariadb:10.6.4-focal", "mariadb:10.11")) {
            assertTrue(Images.config(ref).programs().contains("mysqladmin"), ref + ": MariaDB 10 still has the mysql names");
        }
        assertFalse(Images.config("mariadb:11.8").programs().contains("mysqladmin"));
        ImageConfig redis = Images.config("redis");
        assertEquals("/data", redis.workingDir());
        assertTrue(redis.programs().contains("redis-cli"));
        assertEquals(List.of("27017/tcp"), Images.config("mongo").exposedPorts());
    }

    @Test
    void httpdStopsOnSigwinchAndTheSmallServersAreTheirBinary() {
        ImageConfig httpd = Images.config("httpd");
        assertEquals("SIGWINCH", httpd.stopSignal());
        assertEquals("/usr/local/apache2", httpd.workingDir());
        assertEquals(List.of("httpd-foreground"), httpd.cmd());
        ImageConfig echo = Images.config("hashicorp/http-echo");
        assertEquals(List.of("/http-echo", "-text=hi"), echo.argv(List.of("-text=hi")));
        assertEquals(List.of("5678/tcp"), echo.exposedPorts());
        assertEquals("65532", echo.user());
        assertEquals(List.of("/whoami"), Images.config("traefik/whoami").argv(List.of()));
        assertEquals("haproxy", Images.config("haproxy").user());
        assertEquals("SIGUSR1", Images.config("haproxy").stopSignal());
    }

    @Test
    void registriesLibraryTagsAndDigestsResolveToTheSameImage() {
        ImageConfig nginx = Images.config("nginx");
        for (String ref : List.of("nginx:latest", "docker.io/library/nginx", "docker.io/nginx:1.27", "index.docker.io/library/nginx:stable",
                "library/nginx:1.27.3", "nginx@sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942",
                "nginx:1.31@sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942")) {
            assertSame(nginx, Images.config(ref), ref);
        }
        ImageConfig alpine = Images.config("nginx:alpine");
        assertTrue(alpine.programs().contains("apk"));
        for (String ref : List.of("nginx:1.27-alpine", "nginx:mainline-alpine", "nginx:1-alpine3.24", "docker.io/library/nginx:alpine-slim")) {
            assertSame(alpine, Images.config(ref), ref);
        }
        assertSame(Images.config("traefik/whoami"), Images.config("docker.io/traefik/whoami:v1.10"));
        assertSame(Images.config("postgres"), Images.config("postgres:16"));
    }

    @Test
    void anImageTheCatalogueDoesNotHoldIsNull() {
        assertNull(Images.config("mystery/app"));
        assertNull(Images.config("shop-web"));
        assertNull(Images.config("ghcr.io/library/nginx"), "another registry's nginx is not Docker Hub's");
        assertNull(Images.config("whoami"), "library/whoami is not traefik/whoami");
        assertNull(Images.config("NGINX"), "not a valid reference");
        assertEquals(List.of(), Images.defaultCmd("mystery/app"));
        assertEquals(List.of("sleep", "1"), Images.argv("mystery/app", List.of("sleep", "1")));
    }

    @Test
    void eachProgramResolvesToItsProviderLaterSetsWinning() {
        assertEquals(new ProgramLookup.Found("ping", "busybox"), Images.lookup("alpine", "ping"));
        assertEquals(new ProgramLookup.Found("sh", "busybox"), Images.lookup("alpine", "/bin/sh"));
        assertEquals(new ProgramLookup.Found("curl", "curl"), Images.lookup("nginx", "curl"));
        assertEquals(new ProgramLookup.Found("sh", "dash"), Images.lookup("nginx", "sh"));
        assertEquals(new ProgramLookup.Found("ping", "iputils"), Images.lookup("nicolaka/netshoot", "ping"));
        assertEquals(new ProgramLookup.Found("dig", "bind9"), Images.lookup("nicolaka/netshoot", "dig"));
        assertEquals(new ProgramLookup.Found("nslookup", "bind9"), Images.lookup("nicolaka/netshoot", "nslookup"));
        assertEquals(new ProgramLookup.Found("nslookup", "busybox"), Images.lookup("alpine", "nslookup"));
        assertEquals(new ProgramLookup.Found("wget", "gnu-wget"), Images.lookup("node", "wget"));
        assertEquals(new ProgramLookup.Found("ping", "busybox"), Images.lookup("mystery/app", "ping"), "outside the catalogue: BusyBox's");
    }

    @Test
    void aProgramTheImageLacksIsRuncsError() {
        assertEquals(new ProgramLookup.Missing("exec: \"ping\": executable file not found in $PATH"), Images.lookup("ubuntu", "ping"));
        assertEquals("OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found"
                + " in $PATH: unknown", ((ProgramLookup.Missing) Images.lookup("ubuntu", "curl")).execFailed());
        assertEquals("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: "
                + "error during container init: exec: \"curl\": executable file not found in $PATH: unknown",
                ((ProgramLookup.Missing) Images.lookup("ubuntu", "curl")).createFailed());
        assertEquals(new ProgramLookup.Missing("exec: \"/usr/bin/curl\": stat /usr/bin/curl: no such file or directory"),
                Images.lookup("ubuntu", "/usr/bin/curl"));
        assertEquals(new ProgramLookup.Missing("exec: \"/tmp\": permission denied"), Images.lookup("ubuntu", "/tmp"));
        assertEquals(new ProgramLookup.Missing("exec: \"/etc/hosts\": permission denied"),
                Images.lookup("ubuntu", "/etc/hosts", "/etc/hosts"::equals));
        assertTrue(Images.lookup("alpine", "pg_isready") instanceof ProgramLookup.Missing, "an image tool alpine does not list");
        assertEquals(new ProgramLookup.Missing("exec: \"curl\": executable file not found in $PATH"), Images.lookup("alpine", "curl"),
                "alpine has BusyBox's applets, no curl");
        assertEquals(new ProgramLookup.Found("/http-echo", "/http-echo"), Images.lookup("hashicorp/http-echo", "/http-echo"));
        assertEquals(List.of("/http-echo"), List.copyOf(Images.config("hashicorp/http-echo").programs()));
        for (String missing : List.of("sh", "http-echo", "ls")) {
            assertTrue(ProgramLookup.in(Images.config("hashicorp/http-echo"), missing, p -> false) instanceof ProgramLookup.Missing,
                    missing);
        }
    }

    @Test
    void netshootIsAlpineWithItsToolsInRootsHome() {
        ImageConfig c = Images.config("nicolaka/netshoot");
        assertEquals("/root", c.workingDir());
        assertTrue(c.env().contains("HOSTNAME=netshoot"));
        for (String p : List.of("curl", "dig", "iptables", "tc", "iperf3", "tcpdump", "ss", "apk", "wget")) {
            assertTrue(c.programs().contains(p), p);
        }
        assertEquals("iproute2", c.providers().get("ip"));
        assertEquals("netcat-openbsd", c.providers().get("nc"));
        assertEquals("busybox", c.providers().get("wget"));
    }

    @Test
    void referencesPrintInTheirFamiliarForm() {
        assertEquals("mystery/app:latest", Reference.parse("docker.io/mystery/app").familiarTagged());
        assertEquals("nginx:1.27", Reference.parse("docker.io/library/nginx:1.27").familiarTagged());
        assertEquals("nginx", Reference.parse("index.docker.io/library/nginx:1.27").familiarName());
        assertEquals("localhost:5000/app:latest", Reference.parse("localhost:5000/app").familiarTagged());
        assertEquals("app@sha256:0123456789abcdef0123456789abcdef", Reference.parse("app@sha256:0123456789abcdef0123456789abcdef")
                .familiarTagged());
        assertNull(Reference.parse("App"));
        assertNull(Reference.parse("app:"));
    }
}
