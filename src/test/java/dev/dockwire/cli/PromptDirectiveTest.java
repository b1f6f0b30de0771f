package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** # dockwire: image typed at the shell prompt declares the image as the same line in a script does. */
class PromptDirectiveTest {
    private final TestHost h = new TestHost(9);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aDeclarationAtThePromptLetsTheImageRun() {
        assertEquals(125, h.run("docker run -d --name api myorg/api:2").status(), "not declared yet: the pull fails");
        assertEquals(List.of(), PromptDirective.apply("  # dockwire: image myorg/api:2 http 8080 text hello", h.world.engine()));
        h.ok("docker network create n");
        h.ok("docker run -d --name api --network n myorg/api:2");
        h.ok("docker run -d --name c1 --network n nicolaka/netshoot sleep 3600");
        assertEquals(List.of("hello"), h.ok("docker exec c1 curl -s api:8080"));
    }

    @Test
    void otherLinesGoToTheShellAndAMalformedDeclarationSaysWhy() {
        assertNull(PromptDirective.apply("docker ps", h.world.engine()));
        assertNull(PromptDirective.apply("# just a comment", h.world.engine()));
        assertNull(PromptDirective.apply("# dockwire: seed 3", h.world.engine()));
        assertEquals(List.of("dockwire: dockwire: image: invalid port \"x\"; expected: image NAME http PORT (hostname | text TEXT)"),
                PromptDirective.apply("# dockwire: image a http x hostname", h.world.engine()));
        assertEquals(new CommandResult(0, List.of()), h.run("# dockwire: image a http 80 hostname"), "to bash it is a comment");
    }
}
