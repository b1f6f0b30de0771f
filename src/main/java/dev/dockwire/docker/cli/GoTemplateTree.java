package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * text/template's parse tree (Go's text/template/parse/node.go): each node with its byte offset
 * in the template, and the text {@code String()} gives it, which an execution error quotes after
 * {@code at <...>}.
 */
final class GoTemplateTree {
    private GoTemplateTree() {
    }

    /** A node at byte offset {@code pos()}. */
    sealed interface Node permits ListNode, TextNode, ActionNode, IfNode, RangeNode, WithNode, BreakNode, ContinueNode,
            TemplateNode, PipeNode, CommandNode, FieldNode, ChainNode, VariableNode, IdentifierNode, DotNode, NilNode, BoolNode,
            NumberNode, StringNode, EndNode, ElseNode {
        int pos();
    }

    record ListNode(int pos, List<Node> nodes) implements Node {
        ListNode(int pos) {
            this(pos, new ArrayList<>());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            nodes.forEach(sb::append);
            return sb.toString();
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return GoQuote.quote(text);
        }
    }

    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** {{if}}, {{with}} and {{range}}: a pipeline, its list and the list after {{else}} (null without one). */
    record IfNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            return control("if", pipe, list, elseList);
        }
    }

    record WithNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            return control("with", pipe, list, elseList);
        }
    }

    record RangeNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            return control("range", pipe, list, elseList);
        }
    }

    private static String control(String name, PipeNode pipe, ListNode list, ListNode elseList) {
        return "{{" + name + " " + pipe + "}}" + list + (elseList == null ? "" : "{{else}}" + elseList) + "{{end}}";
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoQuote.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }

    /** A pipeline: the variables it declares or assigns ({@code isAssign}), its commands. */
    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(decl.get(i));
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                sb.append(i > 0 ? " | " : "").append(cmds.get(i));
            }
            return sb.toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                Node a = args.get(i);
                sb.append(i > 0 ? " " : "").append(a instanceof PipeNode ? "(" + a + ")" : a);
            }
            return sb.toString();
        }
    }

    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            ident.forEach(f -> sb.append('.').append(f));
            return sb.toString();
        }
    }

    /** A term followed by fields: {@code (pipeline).F}. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(node instanceof PipeNode ? "(" + node + ")" : node.toString());
            fields.forEach(f -> sb.append('.').append(f));
            return sb.toString();
        }
    }

    /** {@code $x.F.G}: the variable's name first. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** A number as written; {@code value} is an Integer (int), a Double (float64) or a rune's Integer. */
    record NumberNode(int pos, String text, boolean isInt, boolean isFloat, long intValue, double floatValue) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant: {@code quoted} as written, {@code text} its value. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
