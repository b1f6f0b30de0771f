package dev.dockwire.docker.build;

import java.util.List;

/**
 * One instruction as BuildKit's parser leaves it (parser.Node): the instruction word as written,
 * its {@code --flags}, its arguments as the instruction's line parser split them (ENV and LABEL as
 * key, value, separator triples), whether they were a JSON array, the here-documents it carries,
 * its ONBUILD trigger, the text it was read from and the lines it spans.
 *
 * @param trigger ONBUILD's instruction, null otherwise
 */
public record Node(String instruction, List<String> flags, List<String> args, boolean json, List<Heredoc> heredocs,
                   Node trigger, String original, int startLine, int endLine) {
    public Node {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
    }

    /** The same node spanning {@code start}..{@code end} and carrying {@code docs}. */
    Node at(int start, int end, List<Heredoc> docs) {
        return new Node(instruction, flags, args, json, docs, trigger, original, start, end);
    }

    /** A here-document ({@code <<EOF}, {@code <<-EOF}, {@code 3<<"EOF"}): {@code expand} when its name was not quoted. */
    public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {
    }
}
