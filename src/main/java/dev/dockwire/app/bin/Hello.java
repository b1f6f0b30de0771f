package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/**
 * The hello-world image's {@code /hello} (docker-library/hello-world hello.c, built for amd64):
 * one write(2) of its message to standard output, whatever its arguments, then exit 0.
 */
public final class Hello implements Program {
    /** hello.c's message, line by line: it opens and ends with an empty line. */
    static final List<String> MESSAGE = List.of(
            "",
            "Hello from Docker!",
            "This message shows that your installation appears to be working correctly.",
            "",
            "To generate this message, Docker took the following steps:",
            " 1. The Docker client contacted the Docker daemon.",
            " 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.",
            "    (amd64)",
            " 3. The Docker daemon created a new container from that image which runs the",
            "    executable that produces the output you are currently reading.",
            " 4. The Docker daemon streamed that output to the Docker client, which sent it",
            "    to your terminal.",
            "",
            "To try something more ambitious, you can run an Ubuntu container with:",
            " $ docker run -it ubuntu bash",
            "",
            "Share images, automate workflows, and more with a free Docker ID:",
            " https://hub.docker.com/",
            "",
            "For more examples and ideas, visit:",
            " https://docs.docker.com/get-started/",
            "");

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        MESSAGE.forEach(ctx::out);
        ctx.exit(0);
    }
}
