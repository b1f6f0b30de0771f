package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.libc.BusyboxUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BusyBox's {@code adduser} and {@code addgroup} (loginutils/adduser.c, addgroup.c, libbb's
 * update_passwd.c; alpine's build: shadow passwords, a user added to a group) in a container: the
 * account's line appended to /etc/passwd ({@code NAME:x:UID:GID:Linux User,,,:/home/NAME:SHELL}),
 * /etc/shadow ({@code NAME:!:DAYS:0:99999:7:::}) and /etc/group ({@code NAME:x:GID:}, or the user
 * appended to an existing group's members), each file's old text kept as its {@code -} backup, as
 * update_passwd links it; ids from 1000 (a system account's and group's from 100 up to 999) past those
 * taken; the home directory made and given to the user with mode 02755. Without {@code -D} adduser
 * runs {@code passwd}, which dockwire does not model.
 */
public final class BusyboxAdduser {
    private static final int FIRST_SYSTEM_ID = 100;
    private static final int LAST_SYSTEM_ID = 999;
    private static final int LAST_ID = 256000; // alpine's busyboxconfig CONFIG_LAST_ID
    /** adduser's getopt32long string and long options. */
    private static final ToolCommandLine.Spec ADDUSER = new ToolCommandLine.Spec("h:g:s:G:DSHu:k:", Map.of("home", "h:",
            "gecos", "g:", "shell", "s:", "ingroup", "G:", "disabled-password", "D", "empty-password", "D", "system", "S",
            "no-create-home", "H", "uid", "u:", "skel", "k:"));
    /** addgroup's. */
    private static final ToolCommandLine.Spec ADDGROUP = new ToolCommandLine.Spec("g:S", Map.of("gid", "g:", "system", "S"));

    private final Container c;
    private final String tool;
    private final long nanos;
    private final List<String> errors = new ArrayList<>();

    private BusyboxAdduser(Container c, String tool, long nanos) {
        this.c = c;
        this.tool = tool;
        this.nanos = nanos;
    }

    /** Whether {@code argv} is an {@code adduser} or {@code addgroup}. */
    public static boolean handles(List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return base.equals("adduser") || base.equals("addgroup");
    }

    /**
     * Runs {@code argv} in {@code c} as {@code who} with environment {@code env} (its SHELL, the new
     * user's shell) at {@code nanos} of the virtual clock, {@code epochMillis} the wall time it stands for.
     */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, Cred who, long nanos, long epochMillis) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        BusyboxAdduser a = new BusyboxAdduser(c, base, nanos);
        List<String> args = argv.subList(1, argv.size());
        int status;
        try {
            status = !who.root() ? a.refuse("permission denied (are you root?)") // bb_msg_perm_denied_are_you_root
                    : base.equals("adduser") ? a.adduser(args, env, epochMillis / 1000 / 86400) : a.addgroup(args);
        } catch (Died d) {
            status = 1;
        }
        return new CommandOutput(status, List.copyOf(a.errors), List.copyOf(a.errors));
    }

    private int adduser(List<String> args, Map<String, String> env, long days) {
        ToolCommandLine line = ToolCommandLine.parse(true, ADDUSER, ADDUSER, args);
        List<String> operands = line.operands();
        if (line.error() != null || operands.isEmpty() || operands.size() > 2) {
            return usage(line.error());
        }
        String name = operands.get(0);
        if (line.given().isEmpty() && operands.size() == 2) {
            return addMember(name, operands.get(1)); // adduser USER GROUP: addgroup -- USER GROUP
        }
        boolean system = line.has("S");
        String group = line.given().get("G");
        String home = line.given().getOrDefault("h", "/home/" + name);
        String gecos = line.given().getOrDefault("g", "Linux User,,,");
        String shell = line.given().get("s");
        if (shell == null) {
            shell = system ? "/bin/false" : shellName(env);
        }
        if (system && group == null) {
            group = "nogroup";
        }
        int gid = group == null ? -1 : groupId(group);
        // passwd_study: the name free, the first free uid (and, for a group of its own, gid) from 1000 or 100
        if (find("/etc/passwd", name, 0) != null) {
            throw fail("user '" + name + "' in use");
        }
        int uid = line.has("u") ? number(line.given().get("u")) : system ? FIRST_SYSTEM_ID : LAST_SYSTEM_ID + 1;
        int max = system && !line.has("u") ? LAST_SYSTEM_ID : LAST_ID;
        while (find("/etc/passwd", Integer.toString(uid), 2) != null || gid == -1 && find("/etc/group", Integer.toString(uid), 2) != null) {
            if (line.has("u")) {
                throw fail("uid '" + uid + "' in use");
            }
            if (uid == max) {
                throw fail("no uids left");
            }
            uid++;
        }
        if (gid == -1) {
            gid = uid;
            if (find("/etc/group", name, 0) != null) {
                throw fail("group '" + name + "' in use");
            }
        }
        append("/etc/passwd", name + ":x:" + uid + ":" + gid + ":" + gecos + ":" + home + ":" + shell);
        if (c.file("/etc/shadow") != null) {
            append("/etc/shadow", name + ":!:" + days + ":0:99999:7:::"); // a missing shadow is not an error
        }
        if (group != null) {
            addMember(name, group);
        } else {
            newGroup(name, gid, true, false);
        }
        if (!line.has("H")) {
            makeHome(home, uid, gid);
        }
        if (!line.has("D") && !system) {
            errors.add("dockwire: passwd (adduser without -D sets the password interactively) is not modelled");
            return dev.dockwire.app.Program.NOT_MODELLED;
        }
        return 0;
    }

    private int addgroup(List<String> args) {
        ToolCommandLine line = ToolCommandLine.parse(true, ADDGROUP, ADDGROUP, args);
        List<String> operands = line.operands();
        if (line.error() != null || operands.isEmpty() || operands.size() > 2 || operands.size() == 2 && line.has("g")) {
            return usage(line.error());
        }
        if (operands.size() == 2) {
            if (find("/etc/passwd", operands.get(0), 0) == null) {
                throw fail("unknown user " + operands.get(0)); // xuname2uid
            }
            return addMember(operands.get(0), operands.get(1));
        }
        int gid = line.has("g") ? number(line.given().get("g")) : 0;
        newGroup(operands.get(0), gid, line.has("g"), line.has("S"));
        return 0;
    }

    /** addgroup.c new_group: the name free, the gid given (free) or the first free one, its line appended. */
    private void newGroup(String name, int gid, boolean given, boolean system) {
        if (find("/etc/group", name, 0) != null) {
            throw fail("group '" + name + "' in use");
        }
        int max = LAST_ID;
        if (!given) {
            gid = system ? FIRST_SYSTEM_ID : LAST_SYSTEM_ID + 1;
            max = system ? LAST_SYSTEM_ID : LAST_ID;
        }
        while (find("/etc/group", Integer.toString(gid), 2) != null) {
            if (given) {
                throw fail("gid '" + gid + "' in use");
            }
            if (gid == max) {
                throw fail("no gids left");
            }
            gid++;
        }
        append("/etc/group", name + ":x:" + gid + ":");
        if (c.file("/etc/gshadow") != null) {
            append("/etc/gshadow", name + ":!::");
        }
    }

    /** addgroup USER GROUP: the group must exist; the user appended to its members unless listed already. */
    private int addMember(String user, String group) {
        String[] entry = find("/etc/group", group, 0);
        if (entry == null) {
            throw fail("unknown group " + group); // xgetgrnam
        }
        if (entry.length > 3 && List.of(entry[3].split(",")).contains(user)) {
            return 0;
        }
        String text = c.file("/etc/group");
        StringBuilder out = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (l.startsWith(group + ":")) {
                l = l + (l.endsWith(":") ? "" : ",") + user;
            }
            out.append(l).append('\n');
        }
        rewrite("/etc/group", out.substring(0, out.length() - 1));
        return 0;
    }

    /** mkdir(home, 0755) under umask 0, then chown to the user and chmod 02755 (the setgid bit after chown, which clears it). */
    private void makeHome(String home, int uid, int gid) {
        int slash = home.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : home.substring(0, slash);
        boolean exists = ImageDirectories.isDirectory(c, home);
        if (!exists && (!ImageDirectories.isDirectory(c, parent) || !c.mkdir(home, 0, 0, 0755, nanos))) {
            errors.add(tool + ": " + home + ": No such file or directory"); // bb_simple_perror_msg(pw_dir)
            return;
        }
        if (!c.chown(home, uid, gid) || !c.chmod(home, 02755)) {
            errors.add(tool + ": " + home + ": Operation not permitted");
        }
    }

    /** Appends {@code line} to {@code path} as update_passwd writes a new entry: after every line, the old text its backup. */
    private void append(String path, String line) {
        String text = c.file(path);
        String body = text == null || text.isEmpty() ? "" : text.endsWith("\n") ? text : text + "\n";
        rewrite(path, body + line + "\n");
    }

    private void rewrite(String path, String text) {
        String old = c.file(path);
        if (old != null) {
            c.writeFile(path + "-", old); // the backup, a hard link to the old file
            c.stamp(path + "-", nanos);
        }
        c.writeFile(path, text);
        c.stamp(path, nanos);
    }

    /** The entry of {@code file} whose field {@code field} is {@code value}, split at colons, or null. */
    private String[] find(String file, String value, int field) {
        String text = c.file(file);
        if (text == null) {
            return null;
        }
        for (String l : text.split("\n")) {
            String[] f = l.split(":", -1);
            if (f.length > field && f[field].equals(value)) {
                return f;
            }
        }
        return null;
    }

    /** xgroup2gid: a number as it is, else the group's gid, else {@code unknown group NAME}. */
    private int groupId(String group) {
        if (group.matches("\\d+")) {
            return Integer.parseInt(group);
        }
        String[] entry = find("/etc/group", group, 0);
        if (entry == null) {
            throw fail("unknown group " + group);
        }
        return Integer.parseInt(entry[2]);
    }

    /** xatou_range(s, 0, LAST_ID): its refusal as libbb words it. */
    private int number(String s) {
        if (!s.matches("\\d+")) {
            throw fail("invalid number '" + s + "'");
        }
        long v = Long.parseLong(s.length() > 12 ? "999999999999" : s);
        if (v > LAST_ID) {
            throw fail("number " + s + " is not in 0.." + LAST_ID + " range");
        }
        return (int) v;
    }

    /** get_shell_name: $SHELL, else root's login shell, else /bin/sh. */
    private String shellName(Map<String, String> env) {
        String shell = env.get("SHELL");
        if (shell != null && !shell.isEmpty()) {
            return shell;
        }
        String[] root = find("/etc/passwd", "0", 2);
        return root != null && root.length > 6 && !root[6].isEmpty() ? root[6] : "/bin/sh";
    }

    private int usage(String error) {
        if (error != null) {
            errors.add(tool + ": " + error);
        }
        errors.addAll(BusyboxUsage.withBanner(tool));
        return 1;
    }

    private int refuse(String message) {
        errors.add(tool + ": " + message);
        return 1;
    }

    private Died fail(String message) {
        errors.add(tool + ": " + message);
        return new Died();
    }

    /** bb_error_msg_and_die: the message is out, the applet exits 1. */
    private static final class Died extends RuntimeException {
        Died() {
            super(null, null, false, false);
        }
    }
}
