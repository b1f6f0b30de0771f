package dev.dockwire.app.http;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx's command line when it does not serve (src/core/nginx.c: ngx_get_options, then main):
 * {@code -v} prints the version on stderr, {@code -t} tests the configuration ({@code -q} keeping
 * quiet about success), each exiting; a bad option is {@code nginx: invalid option: "x"}.
 * Which of these a command line is, is {@link #oneShot}; a command line that serves
 * ({@code nginx -g 'daemon off;'}) is the image's server. {@code -h}, {@code -V}, {@code -T} and
 * {@code -s} without a master process print texts of the build dockwire does not model: they say so.
 */
public final class NginxCommand implements Program {
    private static final String CONF_PATH = "/etc/nginx/nginx.conf";

    /** What ngx_get_options made of a command line. */
    private record Options(String error, boolean version, boolean test, boolean quiet, String unmodelled) {
    }

    private static Options parse(List<String> args) {
        boolean version = false;
        boolean test = false;
        boolean quiet = false;
        String unmodelled = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                return new Options("invalid option: \"" + a + "\"", false, false, false, null);
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 'v' -> version = true;
                    case 't' -> test = true;
                    case 'q' -> quiet = true;
                    case '?', 'h', 'V', 'T' -> unmodelled = "nginx -" + c;
                    case 'p', 'c', 'g', 's' -> {
                        // The value is the rest of the word or the next word (ngx_get_options' goto next).
                        if (j + 1 == a.length() && ++i >= args.size()) {
                            String what = c == 'p' ? "directory name" : c == 'c' ? "file name" : "parameter";
                            return new Options("option \"-" + c + "\" requires " + what, false, false, false, null);
                        }
                        String value = j + 1 < a.length() ? a.substring(j + 1) : args.get(i);
                        if (c == 's') {
                            if (!List.of("stop", "quit", "reopen", "reload").contains(value)) {
                                return new Options("invalid option: \"-s " + value + "\"", false, false, false, null);
                            }
                            unmodelled = "nginx -s " + value + " without a running master process";
                        }
                        j = a.length();
                    }
                    default -> {
                        return new Options("invalid option: \"" + c + "\"", false, false, false, null);
                    }
                }
            }
        }
        return new Options(null, version, test, quiet, unmodelled);
    }

    /** Whether nginx run with {@code args} ends by itself (tests, versions, errors) instead of serving. */
    public static boolean oneShot(List<String> args) {
        Options o = parse(args);
        return o.error() != null || o.version() || o.test() || o.unmodelled() != null;
    }

    /**
     * {@code nginx -t}'s lines for the configuration at {@link Nginx#CONF} ({@code text}, null: the
     * stock one), and whether it passed; {@code quiet} leaves out the success lines.
     */
    public static List<String> test(String text, boolean quiet, boolean[] passed) {
        List<String> out = new ArrayList<>();
        try {
            NginxConfig.parse(Nginx.CONF, text == null ? NginxConfig.DEFAULT_CONF : text);
            passed[0] = true;
            if (!quiet) {
                out.add("nginx: the configuration file " + CONF_PATH + " syntax is ok");
                out.add("nginx: configuration file " + CONF_PATH + " test is successful");
            }
        } catch (NginxConfig.Invalid e) {
            passed[0] = false;
            out.addAll(List.of(e.getMessage().split("\n")));
            out.add("nginx: configuration file " + CONF_PATH + " test failed");
        }
        return out;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        Options o = parse(args);
        if (o.error() != null) {
            ctx.err("nginx: " + o.error());
            ctx.exit(1);
            return;
        }
        if (o.unmodelled() != null) {
            ctx.err("dockwire: " + o.unmodelled() + " is not modelled (the texts of nginx's build)");
            ctx.exit(Program.NOT_MODELLED);
            return;
        }
        if (o.version()) {
            ctx.err("nginx version: " + Nginx.VERSION);
            if (!o.test()) {
                ctx.exit(0);
                return;
            }
        }
        boolean[] passed = {false};
        test(ctx.readFile(Nginx.CONF), o.quiet(), passed).forEach(ctx::err);
        ctx.exit(passed[0] ? 0 : 1);
    }
}
