package dev.dockwire.app.sh;

import dev.dockwire.libc.GetoptLong;
import dev.dockwire.text.Flavour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code env [-i] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]} as coreutils' env.c and BusyBox's
 * coreutils/env.c run it: the environment, emptied by {@code -i} (or a lone {@code -}), less each {@code -u}
 * name, with the assignments added, printed one per line, or handed to COMMAND found on the PATH
 * ({@code env [ 1 = 1 ]}, {@code env -i env}). A command the shell runs itself (an applet, echo, true) runs here;
 * any other is left to the place's exec (null). Options stop at the first operand (getopt's "+").
 */
final class EnvCommand {
    private final Applets applets;
    private final Interp sh;
    private final Flavour flavour;

    EnvCommand(Applets applets, Interp sh, Flavour flavour) {
        this.applets = applets;
        this.sh = sh;
        this.flavour = flavour;
    }

    /** Runs env with {@code args}; its status, or null when COMMAND is a program the shell does not run itself. */
    Integer run(List<String> args, Map<String, String> assigns, Io io) {
        boolean[] clear = {false};
        List<String> unset = new ArrayList<>();
        Map<String, String> longs = flavour == Flavour.GNU ? Map.of("ignore-environment", "i", "unset", "u:", "null", "0") : null;
        GetoptLong.Result r = new GetoptLong(flavour == Flavour.GNU ? dev.dockwire.libc.Getopt.GLIBC : dev.dockwire.libc.Getopt.MUSL,
                "+iu:0", longs).parse(args, (key, value) -> {
                    if (key.equals("i")) {
                        clear[0] = true;
                    } else if (key.equals("u")) {
                        unset.add(value);
                    }
                    return true;
                });
        if (r.error() != null) {
            io.err.line("env: " + r.error());
            if (flavour == Flavour.GNU) {
                io.err.line("Try 'env --help' for more information.");
            } else {
                dev.dockwire.libc.BusyboxUsage.withBanner("env").forEach(io.err::line);
            }
            return flavour == Flavour.GNU ? 125 : 1;
        }
        List<String> rest = r.operands();
        int i = 0;
        if (i < rest.size() && rest.get(i).equals("-")) {
            clear[0] = true;
            i++;
        }
        Map<String, String> env = clear[0] ? new LinkedHashMap<>() : applets.environment(assigns);
        unset.forEach(env::remove);
        for (; i < rest.size() && rest.get(i).indexOf('=') > 0; i++) {
            String a = rest.get(i);
            env.remove(a.substring(0, a.indexOf('=')));
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (i == rest.size()) {
            if (!clear[0] && unset.isEmpty() && i == 0) {
                return applets.env("env", List.of(), assigns, io);
            }
            env.forEach((k, v) -> io.out.line(k + "=" + v));
            return 0;
        }
        List<String> command = rest.subList(i, rest.size());
        String name = command.get(0);
        String provider = sh.commands.provider(name);
        if (provider == null) {
            io.err.line(flavour == Flavour.GNU ? "env: '" + name + "': No such file or directory"
                    : "env: can't execute '" + name + "': No such file or directory");
            return 127;
        }
        Map<String, String> before = applets.replaced;
        applets.replaced = env;
        try {
            Integer status = Applets.runs(name) ? applets.run(name, provider, command.subList(1, command.size()), Map.of(), io) : null;
            return status != null ? status : Applets.builtinAlike(command, flavour, io.out);
        } finally {
            applets.replaced = before;
        }
    }
}
