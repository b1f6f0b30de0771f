package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerBuildRunTest {
    private final TestHost h = new TestHost(23);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void scratch() {
        h.run("mkdir -p /r && printf 'FROM alpine\\nRUN echo hi > /hello && mkdir /d && echo there\\nWORKDIR /app\\nRUN echo in $(pwd) && echo x > f && rm /etc/motd\\nRUN false\\n' > /r/Dockerfile");
        CommandResult r = h.run("docker build -t r:1 /r");
        System.out.println(r.status() + "\n" + String.join("\n", r.output()));
        h.run("printf 'FROM alpine\\nRUN echo hi > /hello && mkdir /d && echo there\\nWORKDIR /app\\nRUN echo in $(pwd) && echo x > f && rm /etc/motd\\n' > /r/Dockerfile");
        r = h.run("docker build -t r:1 /r");
        System.out.println(r.status() + "\n" + String.join("\n", r.output()));
        for (String c : new String[] {"docker run --rm r:1 cat /hello /app/f", "docker run --rm r:1 ls /etc/motd", "docker run --rm r:1 grep app /etc/passwd",
                "docker history r:1", "docker run --name c1 r:1 sh -c 'echo y > /y'", "docker diff c1", "docker build -t r:1 /r", "docker ps -a"}) {
            r = h.run(c);
            System.out.println("$ " + c + "\n" + r.status() + "\n" + String.join("\n", r.output()));
        }
    }
}
