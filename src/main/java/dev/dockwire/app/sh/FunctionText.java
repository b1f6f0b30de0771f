package dev.dockwire.app.sh;

import dev.dockwire.app.sh.Ast.Cmd;
import dev.dockwire.app.sh.Ast.Part;
import dev.dockwire.app.sh.Ast.Word;
import java.util.List;

/**
 * A function's definition as bash prints it for {@code type NAME} (print_cmd.c's
 * named_function_string): {@code NAME () }, the body as a brace group with each command of a list
 * on a line of its own, four spaces deeper per level, {@code if}/{@code while}/{@code for}/{@code case}
 * laid out as print_if_command and its siblings lay them out ({@code elif} as an {@code else} holding
 * an {@code if}), a {@code ;} after a compound's last command (semicolon()). The words are rebuilt
 * from the tree: quoting is shown as double quotes and command substitutions as {@code $(...)},
 * where bash keeps the text as typed.
 */
final class FunctionText {
    private static final String STEP = "    ";

    private FunctionText() {
    }

    /** {@code NAME () \n{ \n    BODY\n}\n}. */
    static String bash(String name, Cmd body) {
        StringBuilder sb = new StringBuilder(name).append(" () \n");
        if (body instanceof Ast.Redirected r && r.body() instanceof Ast.Group g) {
            sb.append("{ \n").append(STEP).append(cmd(g.body(), STEP)).append("\n}").append(redirs(r.redirs()));
        } else {
            Cmd inner = body instanceof Ast.Group g ? g.body() : body;
            sb.append("{ \n").append(STEP).append(cmd(inner, STEP)).append("\n}");
        }
        return sb.append('\n').toString();
    }

    /** {@code c} at {@code indent}: its first line unindented (the caller stands there), the others indented. */
    private static String cmd(Cmd c, String indent) {
        if (c instanceof Ast.Simple s) {
            StringBuilder sb = new StringBuilder();
            s.assigns().forEach(a -> sb.append(sb.length() > 0 ? " " : "").append(a.name()).append('=').append(word(a.value())));
            s.words().forEach(w -> sb.append(sb.length() > 0 ? " " : "").append(word(w)));
            String r = redirs(s.redirs());
            return sb.length() == 0 ? r.strip() : sb + r;
        } else if (c instanceof Ast.Seq s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.items().size(); i++) {
                Ast.Item item = s.items().get(i);
                sb.append(cmd(item.cmd(), indent));
                if (item.background()) {
                    sb.append(" &").append(i < s.items().size() - 1 ? " " : "");
                } else if (i < s.items().size() - 1) {
                    sb.append(";\n").append(indent);
                }
            }
            return sb.toString();
        } else if (c instanceof Ast.Pipeline p) {
            StringBuilder sb = new StringBuilder(p.bang() ? "! " : "");
            for (int i = 0; i < p.stages().size(); i++) {
                sb.append(i > 0 ? " | " : "").append(cmd(p.stages().get(i), indent));
            }
            return sb.toString();
        } else if (c instanceof Ast.AndOr a) {
            return cmd(a.left(), indent) + (a.and() ? " && " : " || ") + cmd(a.right(), indent);
        } else if (c instanceof Ast.Group g) {
            return "{ \n" + indent + STEP + cmd(g.body(), indent + STEP) + "\n" + indent + "}";
        } else if (c instanceof Ast.Subshell s) {
            return "( " + cmd(s.body(), indent) + " )";
        } else if (c instanceof Ast.If f) {
            return ifText(f, 0, indent);
        } else if (c instanceof Ast.Loop l) {
            return (l.until() ? "until " : "while ") + cmd(l.cond(), indent) + "; do\n" + body(l.body(), indent) + indent + "done";
        } else if (c instanceof Ast.For f) {
            StringBuilder sb = new StringBuilder("for ").append(f.name());
            if (f.words() == null) {
                sb.append(" in \"$@\""); // print_for_command: a for without in shows what it loops over
            } else {
                sb.append(" in");
                f.words().forEach(w -> sb.append(' ').append(word(w)));
            }
            return sb.append(";\n").append(indent).append("do\n").append(body(f.body(), indent)).append(indent).append("done").toString();
        } else if (c instanceof Ast.Case k) {
            StringBuilder sb = new StringBuilder("case ").append(word(k.subject())).append(" in \n");
            for (Ast.CaseItem item : k.items()) {
                sb.append(indent).append(STEP);
                for (int i = 0; i < item.patterns().size(); i++) {
                    sb.append(i > 0 ? " | " : "").append(word(item.patterns().get(i)));
                }
                sb.append(")\n");
                if (item.body() != null) {
                    sb.append(indent).append(STEP).append(STEP).append(cmd(item.body(), indent + STEP + STEP)).append('\n');
                }
                sb.append(indent).append(STEP).append(";;\n");
            }
            return sb.append(indent).append("esac").toString();
        } else if (c instanceof Ast.FuncDef f) {
            return bash(f.name(), f.body()).stripTrailing();
        }
        Ast.Redirected r = (Ast.Redirected) c;
        return cmd(r.body(), indent) + redirs(r.redirs());
    }

    /** {@code if}, its {@code elif}s from {@code i} on as nested {@code else if}s. */
    private static String ifText(Ast.If f, int i, String indent) {
        StringBuilder sb = new StringBuilder("if ").append(cmd(f.conditions().get(i), indent)).append("; then\n")
                .append(body(f.branches().get(i), indent));
        if (i + 1 < f.conditions().size()) {
            sb.append(indent).append("else\n").append(indent).append(STEP).append(ifText(f, i + 1, indent + STEP)).append(";\n");
        } else if (f.orElse() != null) {
            sb.append(indent).append("else\n").append(body(f.orElse(), indent));
        }
        return sb.append(indent).append("fi").toString();
    }

    /** A compound's body one level deeper, ended by semicolon() (no {@code ;} after a {@code &}) and a newline. */
    private static String body(Cmd c, String indent) {
        String text = cmd(c, indent + STEP);
        return indent + STEP + text + (text.endsWith("&") ? "" : ";") + "\n";
    }

    static String redirs(List<Ast.Redir> redirs) {
        StringBuilder sb = new StringBuilder();
        for (Ast.Redir r : redirs) {
            boolean dup = r.op().equals(">&") || r.op().equals("<&");
            int usual = r.op().startsWith("<") ? 0 : 1;
            // print_redirection: a duplication names its descriptor always (>&2 is 1>&2), a file only when not the usual one
            sb.append(' ').append(r.fd() == usual && !dup ? "" : Integer.toString(r.fd())).append(r.op());
            if (r.op().equals("<<")) {
                sb.append(" EOF"); // the delimiter is not kept in the tree
            } else {
                sb.append(dup ? "" : " ").append(word(r.target()));
            }
        }
        return sb.toString();
    }

    /** A word rebuilt: quoted stretches in one pair of double quotes. */
    static String word(Word w) {
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        for (Part p : w.parts()) {
            boolean quoted = p instanceof Ast.Lit l ? l.quoted() : p instanceof Ast.Param x ? x.quoted()
                    : p instanceof Ast.CmdSub x ? x.quoted() : ((Ast.Arith) p).quoted();
            if (quoted != open) {
                sb.append('"');
                open = quoted;
            }
            if (p instanceof Ast.Lit l) {
                sb.append(l.text());
            } else if (p instanceof Ast.Param x) {
                sb.append(param(x));
            } else if (p instanceof Ast.CmdSub x) {
                sb.append("$(").append(cmd(x.body(), "")).append(')');
            } else {
                sb.append("$((").append(arith(((Ast.Arith) p).expr())).append("))");
            }
        }
        return sb.append(open ? "\"" : "").toString();
    }

    /** An arithmetic expression's text: its parts as written, no quotes (the parser marks its text quoted). */
    private static String arith(Word w) {
        StringBuilder sb = new StringBuilder();
        for (Part p : w.parts()) {
            sb.append(p instanceof Ast.Lit l ? l.text() : word(new Word(List.of(p))).replace("\"", ""));
        }
        return sb.toString();
    }

    private static String param(Ast.Param x) {
        if (x.op() == null) {
            return x.name().length() == 1 || x.name().matches("[A-Za-z_][A-Za-z0-9_]*") ? "$" + x.name() : "${" + x.name() + "}";
        }
        if (x.op().equals("len")) {
            return "${#" + x.name() + "}";
        }
        if (x.op().equals("bad")) {
            return ((Ast.Lit) x.arg().parts().get(0)).text(); // as typed
        }
        return "${" + x.name() + x.op() + (x.arg() == null ? "" : word(x.arg())) + "}";
    }
}
