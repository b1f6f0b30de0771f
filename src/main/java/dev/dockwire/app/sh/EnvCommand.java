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
    /** What env needs of the shell that runs it (an interface, so env knows nothing of the shell's classes). */
    interface Place {
        /** The environment env starts from: the shell's exported variables with the command's assignments. */
        Map<String, String> environment();

        /** The package providing {@code name} on the PATH, or null when the PATH has none. */
        String provider(String name);

        /** {@code env} alone: the environment as the shell's env applet prints it. */
        int print();

        /** {@code command} run under {@code env} by the shell itself; null when it is no program the shell runs. */
        Integer run(List<String> command, Map<String, String> env);
    }

    private final Place place;
    private final Flavour flavour;

    EnvCommand(Place place, Flavour flavour) {
        this.place = place;
        this.flavour = flavour;
    }

    /** Runs env with {@code args}; its status, or null when COMMAND is a program the shell does not run itself. */
    Integer run(List<String> args, Io io) {
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
        Map<String, String> env = clear[0] ? new LinkedHashMap<>() : place.environment();
        unset.forEach(env::remove);
        for (; i < rest.size() && rest.get(i).indexOf('=') > 0; i++) {
            String a = rest.get(i);
            env.remove(a.substring(0, a.indexOf('=')));
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (i == rest.size()) {
            if (!clear[0] && unset.isEmpty() && i == 0) {
                return place.print();
            }
            env.forEach((k, v) -> io.out.line(k + "=" + v));
            return 0;
        }
        List<String> command = rest.subList(i, rest.size());
        String name = command.get(0);
        String provider = place.provider(name);
        if (provider == null) {
            io.err.line(flavour == Flavour.GNU ? "env: '" + name + "': No such file or directory"
                    : "env: can't execute '" + name + "': No such file or directory");
            return 127;
        }
        return place.run(command, env);
    }
}
