package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BuildKit's parser (frontend/dockerfile/parser) and instructions: golden Dockerfiles and BuildKit's error texts. */
class DockerfileParserTest {

    @Test
    void continuationsCommentsAndForms() throws Exception {
        DockerfileParser.Result r = DockerfileParser.parse("""
                # syntax=docker/dockerfile:1
                FROM alpine:3.20 AS base
                # a comment
                RUN apk add --no-cache \\
                # inside the continuation
                    curl \\
                    bind-tools
                CMD ["sh", "-c", "echo hi"]
                ENTRYPOINT /bin/app --flag
                ENV A=1 B="two words"
                ENV OLD value with spaces
                COPY --from=base --chown=1:1 a b /dst/
                """);
        assertEquals("docker/dockerfile:1", r.directives().get("syntax"));
        List<Node> n = r.nodes();
        assertEquals(7, n.size());
        assertEquals(List.of("alpine:3.20", "AS", "base"), n.get(0).args());
        assertEquals(2, n.get(0).startLine());
        assertEquals(List.of("apk add --no-cache     curl     bind-tools"), n.get(1).args());
        assertEquals(4, n.get(1).startLine());
        assertEquals(7, n.get(1).endLine());
        assertTrue(n.get(2).json());
        assertEquals(List.of("sh", "-c", "echo hi"), n.get(2).args());
        assertFalse(n.get(3).json());
        assertEquals(List.of("/bin/app --flag"), n.get(3).args());
        assertEquals(List.of("A", "1", "=", "B", "\"two words\"", "="), n.get(4).args());
        assertEquals(List.of("OLD", "value with spaces", ""), n.get(5).args());
        assertEquals(List.of("--from=base", "--chown=1:1"), n.get(6).flags());
        assertEquals(List.of("a", "b", "/dst/"), n.get(6).args());
    }

    @Test
    void escapeDirectiveAndHeredocs() throws Exception {
        DockerfileParser.Result r = DockerfileParser.parse("""
                # escape=`
                FROM scratch
                RUN echo a `
                    b
                COPY <<EOF /etc/motd
                hello $USER
                EOF
                RUN <<-'END' sh
                \techo quoted
                \tEND
                """);
        assertEquals('`', r.escape());
        assertEquals(List.of("echo a     b"), r.nodes().get(1).args());
        Node copy = r.nodes().get(2);
        assertEquals(List.of(new Node.Heredoc("EOF", 0, true, false, "hello $USER\n")), copy.heredocs());
        Node.Heredoc run = r.nodes().get(3).heredocs().get(0);
        assertEquals("END", run.name());
        assertFalse(run.expand());
        assertTrue(run.chomp());
        assertEquals(8, r.nodes().get(3).startLine());
        assertEquals(10, r.nodes().get(3).endLine());
    }

    @Test
    void multiStageWithMetaArgs() throws Exception {
        Dockerfile d = Dockerfile.parse("""
                ARG NODE=20
                FROM node:${NODE} AS Build
                WORKDIR /src
                RUN npm ci
                FROM --platform=linux/amd64 nginx:alpine
                COPY --from=build /src/dist /usr/share/nginx/html
                HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://localhost/ || exit 1
                EXPOSE 443 80
                ONBUILD COPY . /app
                """);
        assertEquals("NODE", d.metaArgs().get(0).args().get(0).key());
        assertEquals(2, d.stages().size());
        assertEquals("build", d.stages().get(0).name());
        assertEquals("linux/amd64", d.stages().get(1).platform());
        List<Instruction> second = d.stages().get(1).commands();
        Instruction.Copy copy = (Instruction.Copy) second.get(0);
        assertEquals("build", copy.from());
        assertEquals(List.of("/src/dist"), copy.sources());
        Instruction.Healthcheck hc = (Instruction.Healthcheck) second.get(1);
        assertEquals(List.of("CMD-SHELL", "wget -qO- http://localhost/ || exit 1"), hc.health().test());
        assertEquals(30_000_000_000L, hc.health().intervalNanos());
        assertEquals(3, hc.health().retries());
        assertEquals(List.of("443", "80"), ((Instruction.Expose) second.get(2)).ports());
        assertEquals("COPY . /app", ((Instruction.Onbuild) second.get(3)).expression());
    }

    @Test
    void buildkitsErrors() {
        assertEquals("dockerfile parse error on line 3: unknown instruction: FORM (did you mean FROM?)",
                error("FROM alpine\nRUN true\nFORM x\n"));
        assertEquals("dockerfile parse error on line 1: unknown instruction: cmdd (did you mean cmd?)", error("cmdd x\n"));
        assertEquals("dockerfile parse error on line 1: unknown instruction: BOGUSWORD", error("BOGUSWORD x\n"));
        assertEquals("file with no instructions", error("# only a comment\n\n"));
        assertEquals("dockerfile parse error on line 1: FROM requires either one or three arguments", error("FROM a b\n"));
        assertEquals("dockerfile parse error on line 2: invalid name for build stage: \"1st\", name can't start with a number or contain symbols",
                error("FROM a\nFROM b AS 1st\n"));
        assertEquals("dockerfile parse error on line 2: ENV must have two arguments", error("FROM a\nENV ONLY\n"));
        assertEquals("dockerfile parse error on line 2: unknown flag: form", error("FROM a\nCOPY --form=x a b\n"));
        assertEquals("dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined",
                error("FROM a\nCOPY a\n"));
        assertEquals("dockerfile parse error on line 2: WORKDIR requires exactly one argument", error("FROM a\nWORKDIR\n"));
        assertEquals("dockerfile parse error on line 2: Unknown type \"CHECK\" in HEALTHCHECK (try CMD)", error("FROM a\nHEALTHCHECK CHECK x\n"));
        assertEquals("dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form", error("FROM a\nSHELL bash -c\n"));
        assertEquals("dockerfile parse error on line 2: when using JSON array syntax, arrays must be comprised of strings only",
                error("FROM a\nCMD [\"a\", 1]\n"));
    }

    private static String error(String text) {
        return assertThrows(DockerfileException.class, () -> Dockerfile.parse(text)).getMessage();
    }
}
