package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The user a container's process runs as, resolved as moby's getUser (daemon/oci_linux.go, over
 * moby/sys/user GetExecUser, runc's libcontainer/user before it) does: {@code NAME} or {@code UID},
 * with an optional {@code :GROUP}, looked up in the container's /etc/passwd and /etc/group. A uid
 * the passwd file does not list runs as itself with gid 0; a name it does not list is refused
 * ({@code unable to find user NAME: no matching entries in passwd file}), as is a group name the
 * group file does not list. Without {@code :GROUP} the supplementary groups are those listing the
 * user's name as a member; with it, none. An image whose passwd dockwire does not keep (its files
 * are not modelled) takes root and {@code nobody} (65534 in every distribution and BusyBox) and
 * any other name as a user it cannot number ({@link #UNKNOWN}): not root, so without capabilities;
 * so does an image whose passwd is assumed from its base ({@link ImageFiles#own}) for a name it lacks.
 * {@code --group-add} (HostConfig.GroupAdd) adds its groups to every process's, an exec's too, as
 * getUser does over GetAdditionalGroups: a name from /etc/group, a number as it is, a name the
 * file lacks refused ({@code Unable to find group NAME: no matching entries in group file}).
 */
public record ExecUser(Cred cred, String error) {
    /** The uid of a named user of an image whose /etc/passwd dockwire does not keep. */
    public static final int UNKNOWN = -1;
    private static final ExecUser ROOT = new ExecUser(Cred.ROOT, null);

    /** Config.User: {@code --user}, else the image's USER, else empty (root). */
    public static String configured(Container c) {
        String user = c.options().user();
        ImageConfig config = Images.config(c);
        if (user.isEmpty() && config != null && config.user() != null) {
            user = config.user();
        }
        return user;
    }

    /** The user {@code spec} names in {@code c} (null or empty: the container's, {@link #configured}). */
    public static ExecUser of(Container c, String spec) {
        String s = spec == null || spec.isEmpty() ? configured(c) : spec;
        List<String> groupAdd = c.options().groupAdd();
        if (s.isEmpty() && groupAdd.isEmpty()) {
            return ROOT; // ROOT's groups: Cred.ROOT
        }
        ExecUser u = resolve(s, c.file("/etc/passwd"), c.file("/etc/group"));
        // A passwd assumed from a base (a built image's, an alpine-based catalogue image's) may lack users the
        // image's own has (its Dockerfile's adduser -D nonroot, which dockwire does not run): a name is not refused.
        u = u.refused() && !ImageFiles.own(c) ? resolve(s, null, null) : u;
        return u.refused() || groupAdd.isEmpty() ? u : u.adding(groupAdd, c.file("/etc/group"));
    }

    /** The container's user when its config names one ({@code --user}, USER, {@code --group-add}); null for runc's default root. */
    public static ExecUser specified(Container c) {
        return configured(c).isEmpty() && c.options().groupAdd().isEmpty() ? null : of(c, null);
    }

    /** This user with {@code --group-add}'s groups after its own (moby getUser over GetAdditionalGroups), or the refusal. */
    private ExecUser adding(List<String> groupAdd, String group) {
        List<Integer> sgids = new ArrayList<>(cred.groups());
        for (String g : groupAdd) {
            String[] entry = group == null ? null : find(group, 2, g, null);
            Integer gid = entry != null ? Integer.valueOf(entry[2]) : number(g);
            if (gid == null && group == null) {
                continue; // an image whose /etc/group dockwire does not keep: its own would name it
            }
            if (gid == null) {
                return new ExecUser(null, "Unable to find group " + g + ": no matching entries in group file");
            }
            if (!sgids.contains(gid)) {
                sgids.add(gid);
            }
        }
        sgids.sort(null); // setgroups(2) sorts the list (groups_sort): getgroups and id give it in order
        return new ExecUser(new Cred(cred.uid(), cred.gid(), sgids), null);
    }

    /** getpwuid's name of {@code uid} in {@code c} as ps prints it: the passwd entry's, else the number (root for 0 where the file is not kept). */
    public static String name(Container c, int uid) {
        String passwd = c.file("/etc/passwd");
        if (passwd != null) {
            String[] entry = find(passwd, 2, "", uid);
            if (entry != null) {
                return entry[0];
            }
        }
        return uid == 0 && passwd == null ? "root" : Integer.toString(uid);
    }

    /** getgrgid's name of {@code uid}'s primary group (its passwd entry's gid) in {@code c}: the group file's name, else the number. */
    public static String groupName(Container c, int uid) {
        String passwd = c.file("/etc/passwd");
        String[] entry = passwd == null ? null : find(passwd, 2, "", uid);
        Integer gid = entry == null ? (Integer) uid : number(entry[3]);
        String group = c.file("/etc/group");
        String[] g = group == null || gid == null ? null : find(group, 2, "", gid);
        return g != null ? g[0] : gid != null && gid == 0 && group == null ? "root" : String.valueOf(gid);
    }

    /** Whether the process may run: null, or the daemon's refusal. */
    public boolean refused() {
        return error != null;
    }

    /** GetExecUser over the files' texts (null: the image has no such file, or dockwire does not keep it). */
    static ExecUser resolve(String spec, String passwd, String group) {
        int colon = spec.indexOf(':');
        String userArg = colon < 0 ? spec : spec.substring(0, colon);
        String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
        Integer uidArg = number(userArg);
        Integer gidArg = number(groupArg);
        int uid = 0;
        int gid = 0;
        String matched = null;
        if (userArg.isEmpty()) {
            String[] entry = passwd == null ? null : find(passwd, 2, "", 0); // the default, uid 0, by its entry
            matched = entry == null ? null : entry[0];
            gid = entry == null ? 0 : Integer.parseInt(entry[3]);
        } else {
            String[] entry = passwd == null ? null : find(passwd, 2, userArg, uidArg);
            if (entry != null) {
                matched = entry[0];
                uid = Integer.parseInt(entry[2]);
                gid = Integer.parseInt(entry[3]);
            } else if (uidArg != null) {
                uid = uidArg;
            } else if (passwd == null) {
                // Not modelled: the image's own passwd would name the user.
                matched = userArg;
                uid = userArg.equals("root") ? 0 : userArg.equals("nobody") ? 65534 : UNKNOWN;
                gid = userArg.equals("nobody") ? 65534 : 0;
            } else {
                return new ExecUser(null, "unable to find user " + userArg + ": no matching entries in passwd file");
            }
        }
        List<Integer> sgids = new ArrayList<>();
        if (!groupArg.isEmpty()) {
            String[] entry = group == null ? null : find(group, 2, groupArg, gidArg);
            if (entry != null) {
                gid = Integer.parseInt(entry[2]);
            } else if (gidArg != null) {
                gid = gidArg;
            } else if (group != null) {
                return new ExecUser(null, "unable to find group " + groupArg + ": no matching entries in group file");
            }
        } else if (matched != null && group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && number(f[2]) != null && List.of(f[3].split(",")).contains(matched)) {
                    sgids.add(Integer.parseInt(f[2]));
                }
            }
        }
        return new ExecUser(new Cred(uid, gid, sgids), null);
    }

    /** The first line of {@code file} whose name is {@code arg}, or whose id (field {@code idField}) is {@code id} when it is numeric. */
    private static String[] find(String file, int idField, String arg, Integer id) {
        for (String line : file.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length <= idField + 1 || number(f[idField]) == null) {
                continue;
            }
            if (id != null ? number(f[idField]).equals(id) : f[0].equals(arg)) {
                return f;
            }
        }
        return null;
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }
}
