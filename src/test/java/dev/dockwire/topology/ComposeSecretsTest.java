package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service's {@code secrets:} as docker/compose mounts them without swarm (buildContainerSecretMounts):
 * the file of each at /run/secrets/NAME (or its target), compose-go's refusals otherwise.
 */
class ComposeSecretsTest {
    private static ComposeProject load(String text) {
        return ComposeLoader.parse("/srv/app/compose.yml", text, Map.of(), "app", null);
    }

    private static String fails(String text) {
        return assertThrows(TopologyException.class, () -> load(text)).getMessage();
    }

    @Test
    void fileSecretsAreMountedAtRunSecrets() {
        ComposeProject p = load("""
                services:
                  db:
                    image: postgres:15
                    secrets:
                      - db_password
                      - source: api_key
                        target: key.txt
                      - source: api_key
                        target: /etc/api.key
                secrets:
                  db_password:
                    file: ./db_password.txt
                  api_key:
                    file: /srv/keys/api
                """);
        assertEquals(List.of(new ComposeProject.Mount("bind", "/srv/app/db_password.txt", "/run/secrets/db_password", true, false, 5),
                new ComposeProject.Mount("bind", "/srv/keys/api", "/run/secrets/key.txt", true, false, 6),
                new ComposeProject.Mount("bind", "/srv/keys/api", "/etc/api.key", true, false, 8)), p.services().get(0).mounts());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void anUndefinedSecretIsRefusedAsComposeGoRefusesIt() {
        assertEquals("/srv/app/compose.yml:5: services.web.secrets[0]: service \"web\" refers to undefined secret nope;"
                + " declared under secrets: [a]", fails("""
                services:
                  web:
                    image: nginx
                    secrets:
                      - nope
                secrets:
                  a: {file: ./a}
                """));
        assertEquals("/srv/app/compose.yml:5: services.web.secrets[0]: service \"web\" refers to undefined secret nope;"
                + " declared under secrets: []", fails("services:\n  web:\n    image: nginx\n    secrets:\n      - nope\n"));
    }

    @Test
    void aSecretWithoutFileOrEnvironmentAndAnExternalOneAreRefused() {
        assertEquals("/srv/app/compose.yml:4: secrets.s: secret \"s\" must declare either `file` or `environment`",
                fails("services:\n  web: {image: nginx}\nsecrets:\n  s: {name: x}\n"));
        assertEquals("/srv/app/compose.yml:5: services.web.secrets[0]: unsupported external secret s", fails("""
                services:
                  web:
                    image: nginx
                    secrets:
                      - s
                secrets:
                  s:
                    external: true
                """));
    }

    @Test
    void anEnvironmentSecretAndModesAreNoted() {
        ComposeProject p = load("""
                services:
                  web:
                    image: nginx
                    secrets:
                      - source: token
                        mode: 0400
                secrets:
                  token:
                    environment: TOKEN
                """);
        assertEquals(List.of(), p.services().get(0).mounts());
        assertEquals(List.of("/srv/app/compose.yml:5: services.web.secrets[0]: secrets `uid`, `gid` and `mode` are not supported,"
                        + " they will be ignored",
                "/srv/app/compose.yml:8: secrets.token.environment: ignored (a secret's value from the environment is not modelled)"),
                p.notes());
    }
}
