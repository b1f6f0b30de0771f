package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import dev.dockwire.docker.cli.GoTemplateLexer.Item;
import dev.dockwire.docker.cli.GoTemplateLexer.Type;
import dev.dockwire.docker.cli.GoTemplateTree.ActionNode;
import dev.dockwire.docker.cli.GoTemplateTree.BoolNode;
import dev.dockwire.docker.cli.GoTemplateTree.BreakNode;
import dev.dockwire.docker.cli.GoTemplateTree.ChainNode;
import dev.dockwire.docker.cli.GoTemplateTree.CommandNode;
import dev.dockwire.docker.cli.GoTemplateTree.ContinueNode;
import dev.dockwire.docker.cli.GoTemplateTree.DotNode;
import dev.dockwire.docker.cli.GoTemplateTree.ElseNode;
import dev.dockwire.docker.cli.GoTemplateTree.EndNode;
import dev.dockwire.docker.cli.GoTemplateTree.FieldNode;
import dev.dockwire.docker.cli.GoTemplateTree.IdentifierNode;
import dev.dockwire.docker.cli.GoTemplateTree.IfNode;
import dev.dockwire.docker.cli.GoTemplateTree.ListNode;
import dev.dockwire.docker.cli.GoTemplateTree.NilNode;
import dev.dockwire.docker.cli.GoTemplateTree.Node;
import dev.dockwire.docker.cli.GoTemplateTree.NumberNode;
import dev.dockwire.docker.cli.GoTemplateTree.PipeNode;
import dev.dockwire.docker.cli.GoTemplateTree.RangeNode;
import dev.dockwire.docker.cli.GoTemplateTree.StringNode;
import dev.dockwire.docker.cli.GoTemplateTree.TemplateNode;
import dev.dockwire.docker.cli.GoTemplateTree.TextNode;
import dev.dockwire.docker.cli.GoTemplateTree.VariableNode;
import dev.dockwire.docker.cli.GoTemplateTree.WithNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * text/template's parser (Go's text/template/parse/parse.go) over {@link GoTemplateLexer}'s
 * items: the tree of a template and the templates it {@code define}s, or a {@link
 * GoTemplate.ParseError} worded as Go's ({@code template: NAME:LINE: MESSAGE}).
 */
final class GoTemplateParser {
    private final String name;
    private final List<Item> items;
    private final Set<String> functions;
    private final Map<String, ListNode> defined;
    private int next;
    private int line = 1;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;

    private GoTemplateParser(String name, String text, Set<String> functions, Map<String, ListNode> defined) {
        this.name = name;
        this.items = GoTemplateLexer.lex(text);
        this.functions = functions;
        this.defined = defined;
    }

    /** The tree of {@code text}; the templates it defines go into {@code defined}. */
    static ListNode parse(String name, String text, Set<String> functions, Map<String, ListNode> defined) {
        return new GoTemplateParser(name, text, functions, defined).parse();
    }

    private Item nextItem() {
        Item it = items.get(Math.min(next, items.size() - 1));
        next++; // past the end stays at EOF, and backup() returns to it
        line = it.line();
        if (it.type() == Type.ERROR) {
            throw error(it.val());
        }
        return it;
    }

    private Item peek() {
        Item it = items.get(Math.min(next, items.size() - 1));
        if (it.type() == Type.ERROR) {
            line = it.line();
            throw error(it.val());
        }
        return it;
    }

    private void backup() {
        next--;
    }

    private Item nextNonSpace() {
        Item it = nextItem();
        while (it.type() == Type.SPACE) {
            it = nextItem();
        }
        return it;
    }

    private Item peekNonSpace() {
        Item it = nextNonSpace();
        backup();
        return it;
    }

    private GoTemplate.ParseError error(String message) {
        return new GoTemplate.ParseError("template: " + name + ":" + line + ": " + message);
    }

    private GoTemplate.ParseError unexpected(Item it, String context) {
        return error("unexpected " + it + " in " + context);
    }

    private Item expect(Type t, String context) {
        Item it = nextNonSpace();
        if (it.type() != t) {
            throw unexpected(it, context);
        }
        return it;
    }

    private ListNode parse() {
        ListNode root = new ListNode(peek().pos());
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                Item delim = nextItem();
                if (nextNonSpace().type() == Type.DEFINE) {
                    parseDefinition();
                    continue;
                }
                next = items.indexOf(delim);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw error("unexpected " + n);
            }
            root.nodes().add(n);
        }
        return root;
    }

    private void parseDefinition() {
        Item token = nextNonSpace();
        String defName = templateName(token, "define clause");
        expect(Type.RIGHT_DELIM, "define clause");
        defined.put(defName, templateBody("end"));
    }

    /**
     * The body of a template that {@code define} or {@code block} declares, up to its {@code end}
     * (parse.go itemList), parsed as a tree of its own: only {@code $} in scope.
     */
    private ListNode templateBody(String context) {
        List<String> saved = new ArrayList<>(vars);
        vars.clear();
        vars.add("$");
        ListNode list = new ListNode(peekNonSpace().pos());
        Node end;
        while (true) {
            if (peekNonSpace().type() == Type.EOF) {
                throw error("unexpected EOF");
            }
            end = textOrAction();
            if (end instanceof EndNode || end instanceof ElseNode) {
                break;
            }
            list.nodes().add(end);
        }
        if (!(end instanceof EndNode)) {
            throw error("unexpected " + end + " in " + context);
        }
        vars.clear();
        vars.addAll(saved);
        return list;
    }

    /**
     * {@code {{block "name" pipeline}}T{{end}}}: parse.go blockControl, a {@code define} of T
     * and a {@code template} of it with the pipeline's value, which it must have.
     */
    private Node block() {
        Item token = nextNonSpace();
        String name = templateName(token, "block clause");
        PipeNode pipe = pipeline("block clause", Type.RIGHT_DELIM);
        defined.put(name, templateBody("block clause"));
        return new TemplateNode(token.pos(), name, pipe);
    }

    private String templateName(Item token, String context) {
        if (token.type() == Type.STRING || token.type() == Type.RAW_STRING) {
            return unquote(token);
        }
        throw unexpected(token, context);
    }

    private Node textOrAction() {
        Item it = nextNonSpace();
        return switch (it.type()) {
            case TEXT -> new TextNode(it.pos(), it.val());
            case LEFT_DELIM -> action();
            default -> throw unexpected(it, "input");
        };
    }

    private Node action() {
        Item it = nextNonSpace();
        switch (it.type()) {
            case BLOCK -> {
                return block();
            }
            case BREAK -> {
                Item t = nextNonSpace();
                if (t.type() != Type.RIGHT_DELIM) {
                    throw unexpected(t, "{{break}}");
                }
                if (rangeDepth == 0) {
                    throw error("{{break}} outside {{range}}");
                }
                return new BreakNode(it.pos());
            }
            case CONTINUE -> {
                Item t = nextNonSpace();
                if (t.type() != Type.RIGHT_DELIM) {
                    throw unexpected(t, "{{continue}}");
                }
                if (rangeDepth == 0) {
                    throw error("{{continue}} outside {{range}}");
                }
                return new ContinueNode(it.pos());
            }
            case ELSE -> {
                Item p = peekNonSpace();
                if (p.type() == Type.IF || p.type() == Type.WITH) {
                    return new ElseNode(p.pos(), p.line());
                }
                Item t = expect(Type.RIGHT_DELIM, "else");
                return new ElseNode(t.pos(), t.line());
            }
            case END -> {
                return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
            }
            case IF -> {
                return control("if");
            }
            case RANGE -> {
                return control("range");
            }
            case WITH -> {
                return control("with");
            }
            case TEMPLATE -> {
                Item token = nextNonSpace();
                String tname = templateName(token, "template clause");
                PipeNode pipe = null;
                if (nextNonSpace().type() != Type.RIGHT_DELIM) {
                    backup();
                    pipe = pipeline("template clause", Type.RIGHT_DELIM);
                }
                return new TemplateNode(token.pos(), tname, pipe);
            }
            default -> {
                backup();
                Item token = peek();
                return new ActionNode(token.pos(), token.line(), pipeline("command", Type.RIGHT_DELIM));
            }
        }
    }

    private Node control(String context) {
        int mark = vars.size();
        PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
        if (context.equals("range")) {
            rangeDepth++;
        }
        ListNode list = new ListNode(peekNonSpace().pos());
        Node end = itemList(list);
        if (context.equals("range")) {
            rangeDepth--;
        }
        ListNode elseList = null;
        if (end instanceof ElseNode e) {
            Type t = peek().type();
            if (context.equals("if") && t == Type.IF || context.equals("with") && t == Type.WITH) {
                nextItem();
                elseList = new ListNode(e.pos());
                elseList.nodes().add(control(context));
            } else {
                elseList = new ListNode(peekNonSpace().pos());
                Node n = itemList(elseList);
                if (!(n instanceof EndNode)) {
                    throw error("expected end; found " + n);
                }
            }
        }
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
        return switch (context) {
            case "if" -> new IfNode(pipe.pos(), pipe, list, elseList);
            case "with" -> new WithNode(pipe.pos(), pipe, list, elseList);
            default -> new RangeNode(pipe.pos(), pipe, list, elseList);
        };
    }

    /** Nodes into {@code list} until an {{end}} or {{else}}, which is returned. */
    private Node itemList(ListNode list) {
        while (peekNonSpace().type() != Type.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return n;
            }
            list.nodes().add(n);
        }
        throw error("unexpected EOF");
    }

    private PipeNode pipeline(String context, Type end) {
        Item first = peekNonSpace();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        while (true) {
            Item v = peekNonSpace();
            if (v.type() != Type.VARIABLE) {
                break;
            }
            nextNonSpace();
            Item after = peek();
            Item nx = peekNonSpace();
            if (nx.type() == Type.ASSIGN || nx.type() == Type.DECLARE) {
                isAssign = nx.type() == Type.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            } else if (nx.type() == Type.CHAR && nx.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Type t = peekNonSpace().type();
                    if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                next = items.indexOf(v); // not a declaration: the variable is an operand
                if (after.type() != Type.SPACE) {
                    next = items.indexOf(v);
                }
                break;
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Item token = nextNonSpace();
            if (token.type() == end) {
                if (cmds.isEmpty()) {
                    throw error("missing value for " + context);
                }
                for (int i = 1; i < cmds.size(); i++) {
                    Node a = cmds.get(i).args().get(0);
                    if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode || a instanceof NumberNode || a instanceof StringNode) {
                        throw error("non executable command in pipeline stage " + (i + 1));
                    }
                }
                return new PipeNode(first.pos(), isAssign, decl, cmds);
            }
            switch (token.type()) {
                case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(token, context);
            }
        }
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos(), new ArrayList<>());
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                cmd.args().add(operand);
            }
            Item token = nextItem();
            if (token.type() == Type.SPACE) {
                continue;
            }
            if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
                backup();
            } else if (token.type() != Type.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw error("empty command");
        }
        return cmd;
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int pos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == Type.FIELD) {
                fields.add(nextItem().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                return new FieldNode(pos, all);
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                return new VariableNode(pos, all);
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode || node instanceof NilNode
                    || node instanceof DotNode) {
                throw error("unexpected . after term " + GoQuote.quote(node.toString()));
            }
            return new ChainNode(pos, node, fields);
        }
        return node;
    }

    private Node term() {
        Item token = nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER -> {
                if (!functions.contains(token.val())) {
                    throw error("function " + GoQuote.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val());
            }
            case DOT -> {
                return new DotNode(token.pos());
            }
            case NIL -> {
                return new NilNode(token.pos());
            }
            case VARIABLE -> {
                List<String> ident = List.of(token.val().split("\\.", -1));
                if (!vars.contains(ident.get(0))) {
                    throw error("undefined variable " + GoQuote.quote(ident.get(0)));
                }
                return new VariableNode(token.pos(), new ArrayList<>(ident));
            }
            case FIELD -> {
                return new FieldNode(token.pos(), new ArrayList<>(List.of(token.val().substring(1))));
            }
            case BOOL -> {
                return new BoolNode(token.pos(), token.val().equals("true"));
            }
            case CHAR_CONSTANT, NUMBER -> {
                return number(token);
            }
            case LEFT_PAREN -> {
                return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
            }
            case STRING, RAW_STRING -> {
                return new StringNode(token.pos(), token.val(), unquote(token));
            }
            default -> {
                backup();
                return null;
            }
        }
    }

    private String unquote(Item token) {
        String v = token.val();
        if (token.type() == Type.RAW_STRING) {
            return v.substring(1, v.length() - 1);
        }
        String s = GoFmt.unquote(v);
        if (s == null) {
            throw error("invalid syntax");
        }
        return s;
    }

    /** parse.go newNumber: a rune constant, or Go's integer and float syntax. */
    private NumberNode number(Item token) {
        String text = token.val();
        if (token.type() == Type.CHAR_CONSTANT) {
            String s = GoFmt.unquote("\"" + text.substring(1, text.length() - 1).replace("\\'", "'") + "\"");
            if (s == null || s.codePointCount(0, s.length()) != 1) {
                throw error("malformed character constant: " + text);
            }
            int r = s.codePointAt(0);
            return new NumberNode(token.pos(), text, true, true, r, r);
        }
        if (text.endsWith("i")) {
            throw error("complex numbers are not supported: " + text);
        }
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String body = digits.replaceFirst("^[+-]", "");
        try {
            long v;
            if (body.matches("0[xX][0-9a-fA-F]+")) {
                v = Long.parseLong(body.substring(2), 16);
            } else if (body.matches("0[oO][0-7]+")) {
                v = Long.parseLong(body.substring(2), 8);
            } else if (body.matches("0[bB][01]+")) {
                v = Long.parseLong(body.substring(2), 2);
            } else if (body.matches("0[0-7]+")) {
                v = Long.parseLong(body.substring(1), 8);
            } else if (body.matches("[0-9]+")) {
                v = Long.parseLong(body);
            } else {
                double d = Double.parseDouble(body.matches("0[xX].*") ? body : body);
                d = negative ? -d : d;
                boolean integral = d == Math.rint(d) && Math.abs(d) < 9.2e18;
                return new NumberNode(token.pos(), text, integral, true, (long) d, d);
            }
            v = negative ? -v : v;
            return new NumberNode(token.pos(), text, true, true, v, v);
        } catch (NumberFormatException e) {
            throw error("illegal number syntax: " + GoQuote.quote(text));
        }
    }
}
