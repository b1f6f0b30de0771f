package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a container's process starts with, in the order {@code env} prints it: the
 * daemon's own variables ({@code PATH}, {@code HOSTNAME}, {@code TERM=xterm} for a process with a
 * terminal, a legacy link's variables, {@link LinkEnv}; moby container/container.go CreateDaemonEnvironment), the image's {@code ENV}, the container's
 * {@code -e} and, for {@code docker exec}, the exec's {@code -e}, each replacing a variable of the
 * same name in place or appended (ReplaceOrAppendEnvValues; daemon/exec.go for the exec's), then
 * {@code HOME} when none of them set it: runc's setupUser (libcontainer/init_linux.go) appends the
 * user's home directory from the container's /etc/passwd, {@code /} for a user it does not list.
 */
public final class ProcessEnv {
    /** system.DefaultPathEnv on Linux. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ProcessEnv() {
    }

    /** The main process's: the container's terminal ({@code -t}) and user ({@code --user}, else the image's USER). */
    public static Map<String, String> of(Container c) {
        return of(c, c.tty(), List.of(), null);
    }

    /**
     * A process of {@code c} with a terminal or not ({@code tty}), {@code extra} variables over the
     * container's ({@code docker exec -e}), run as {@code user} (null or empty: the container's).
     */
    public static Map<String, String> of(Container c, boolean tty, List<String> extra, String user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("HOSTNAME", c.hostname());
        if (tty) {
            env.put("TERM", "xterm");
        }
        put(env, c.linkEnv());
        ImageConfig config = Images.config(c);
        if (config != null) {
            put(env, config.env());
        }
        put(env, c.env());
        put(env, extra);
        env.computeIfAbsent("HOME", k -> home(c, user == null || user.isEmpty() ? ExecUser.configured(c) : user));
        return env;
    }

    private static void put(Map<String, String> env, List<String> vars) {
        for (String kv : vars) {
            int eq = kv.indexOf('=');
            String name = eq < 0 ? kv : kv.substring(0, eq);
            String value = eq < 0 ? "" : kv.substring(eq + 1);
            String same = env.get(name);
            // The image's PATH is mostly the default's: that one string serves every container.
            env.put(name, value.equals(same) ? same : value);
        }
    }

    /**
     * The home directory runc gives {@code user} (NAME or UID, with an optional {@code :GROUP}):
     * its /etc/passwd entry's, {@code /} when no entry names it. An image whose passwd dockwire does
     * not keep has root at {@code /root} when it is a distribution (it has a shell), as every
     * distribution's passwd puts it; an image FROM scratch has no passwd, so {@code /}.
     */
    static String home(Container c, String user) {
        String name = user.isEmpty() ? "0" : user.split(":", 2)[0];
        String passwd = c.file("/etc/passwd");
        if (passwd == null) {
            boolean root = name.equals("0") || name.equals("root");
            return root && Images.lookup(c, "sh", path -> c.file(path) != null) instanceof ProgramLookup.Found ? "/root" : "/";
        }
        Home last = lastHome;
        if (last != null && last.name.equals(name) && last.passwd.equals(passwd)) {
            return last.home;
        }
        String home = "/";
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7 && (f[0].equals(name) || f[2].equals(name))) {
                home = f[5].intern(); // a few homes among 100,000 containers: one string each, not one per container
                break;
            }
        }
        lastHome = new Home(passwd, name, home);
        return home;
    }

    /** The last home found: containers of one image share its /etc/passwd, so a boot looks up the same user's home 100,000 times. */
    private record Home(String passwd, String name, String home) {
    }

    private static volatile Home lastHome;
}
