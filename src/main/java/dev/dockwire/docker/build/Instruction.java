package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;
import java.util.List;

/**
 * A Dockerfile instruction as BuildKit's frontend types it (frontend/dockerfile/instructions/commands.go),
 * each with the parser's {@link Node} it came from (its line and text). Values are as written:
 * variables are substituted when the builder dispatches the instruction, with the ARGs and ENVs
 * in scope there.
 */
public sealed interface Instruction {
    /** The parser's node: the line and text the instruction came from. */
    Node source();

    /** The instruction as BuildKit's progress shows a step ({@code COPY default.conf /etc/nginx/conf.d/}). */
    default String text() {
        return source().original().strip();
    }

    /** A name and its value ({@code NoDelim}: written as {@code ENV K V}). */
    record KeyValue(String key, String value, boolean noDelim) {
    }

    /** {@code ENV}: appended to the image's Env, an existing name replaced in place. */
    record Env(List<KeyValue> pairs, Node source) implements Instruction {
    }

    /** {@code LABEL}. */
    record Label(List<KeyValue> pairs, Node source) implements Instruction {
    }

    /** {@code ARG NAME[=default]}: one declaration, {@code value} null when it has no default. */
    record ArgDef(String key, String value) {
    }

    /** {@code ARG}. */
    record Arg(List<ArgDef> args, Node source) implements Instruction {
    }

    /** {@code WORKDIR}. */
    record Workdir(String path, Node source) implements Instruction {
    }

    /** {@code USER}. */
    record User(String user, Node source) implements Instruction {
    }

    /** {@code EXPOSE}: ports as written ({@code 80}, {@code 53/udp}, {@code 8000-8002}). */
    record Expose(List<String> ports, Node source) implements Instruction {
    }

    /** {@code STOPSIGNAL}. */
    record StopSignal(String signal, Node source) implements Instruction {
    }

    /** {@code VOLUME}. */
    record Volume(List<String> volumes, Node source) implements Instruction {
    }

    /** {@code MAINTAINER} (deprecated: a label of its own in the image). */
    record Maintainer(String name, Node source) implements Instruction {
    }

    /** {@code RUN}, {@code CMD} or {@code ENTRYPOINT}'s command line: {@code json} for the exec form, else one string the SHELL runs. */
    record CommandLine(List<String> args, boolean json) {
        public CommandLine {
            args = List.copyOf(args);
        }
    }

    /** {@code RUN}: its command and the here-documents it reads. */
    record Run(CommandLine command, List<Node.Heredoc> heredocs, Node source) implements Instruction {
    }

    /** {@code CMD}. */
    record Cmd(CommandLine command, Node source) implements Instruction {
    }

    /** {@code ENTRYPOINT}. */
    record Entrypoint(CommandLine command, Node source) implements Instruction {
    }

    /** {@code SHELL ["executable", "parameters"]}. */
    record Shell(List<String> shell, Node source) implements Instruction {
    }

    /** {@code HEALTHCHECK}: {@code NONE} or a CMD with its options. */
    record Healthcheck(ImageConfig.Healthcheck health, Node source) implements Instruction {
    }

    /**
     * {@code COPY} or {@code ADD} ({@code add}): sources and destination, {@code --from} (a stage or an
     * image; null for the context), {@code --chown}, here-documents as inline sources.
     */
    record Copy(boolean add, List<String> sources, String dest, String from, String chown, List<Node.Heredoc> heredocs,
                Node source) implements Instruction {
    }

    /** {@code ONBUILD}: a trigger recorded into the image for the builds that use it. */
    record Onbuild(String expression, Node source) implements Instruction {
    }
}
