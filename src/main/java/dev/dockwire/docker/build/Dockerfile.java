package dev.dockwire.docker.build;

import java.util.List;

/**
 * A Dockerfile as BuildKit's instructions.Parse leaves it: the ARGs before the first FROM (the
 * meta args FROM lines may use) and the stages, each a FROM and its instructions.
 */
public record Dockerfile(List<Instruction.Arg> metaArgs, List<Stage> stages, char escape, List<String> warnings) {
    public Dockerfile {
        metaArgs = List.copyOf(metaArgs);
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
    }

    /** Reads a Dockerfile's text: the parser, then the instructions. */
    public static Dockerfile parse(String text) throws DockerfileException {
        return Instructions.parse(DockerfileParser.parse(text));
    }

    /**
     * {@code FROM [--platform=P] BASE [AS name]}: {@code name} lower-cased (null when unnamed), and its
     * instructions in order.
     */
    public record Stage(String base, String name, String platform, List<Instruction> commands, Node source) {
        public Stage {
            commands = List.copyOf(commands);
        }
    }
}
