package dev.dockwire.docker.build;

import dev.dockwire.docker.LayerFile;
import java.util.function.UnaryOperator;

/**
 * COPY's and ADD's {@code --chown=USER[:GROUP]} as each builder resolves it against the stage's
 * {@code /etc/passwd} and {@code /etc/group}. The legacy builder (moby builder/dockerfile
 * internals.go parseChownFlag, lookupUser, lookupGroup): a number is the id, a name is looked up and
 * an unknown one fails the step; a user alone names the group too (looked up in /etc/group by that
 * name). BuildKit (client/llb WithUser, solver/llbsolver/ops user_linux.go readUser): a number or
 * {@code root} is the id, a user alone gives a name its passwd line's group and a number itself as
 * the group; a name neither file has is id 0, with no error.
 */
final class Chown {
    private Chown() {
    }

    /** {@code spec} resolved; {@code read} gives a file's text in the stage (null: absent). */
    static LayerFile resolve(String spec, boolean legacy, UnaryOperator<String> read) throws DockerfileException {
        return legacy ? legacy(spec, read) : buildkit(spec, read);
    }

    private static LayerFile legacy(String spec, UnaryOperator<String> read) throws DockerfileException {
        String[] parts = spec.split(":", -1);
        if (parts.length > 2) {
            throw new DockerfileException("unable to convert uid/gid chown string to host mapping: invalid chown string format: " + spec);
        }
        String user = parts[0];
        String group = parts.length == 2 ? parts[1] : parts[0];
        Integer uid = atoi(user);
        if (uid == null) {
            String[] line = find(read.apply("/etc/passwd"), user);
            if (line == null) {
                throw new DockerfileException("unable to convert uid/gid chown string to host mapping: can't find uid for user " + user
                        + ": no such user: " + user);
            }
            uid = atoi(line[2]);
        }
        Integer gid = atoi(group);
        if (gid == null) {
            String[] line = find(read.apply("/etc/group"), group);
            if (line == null) {
                throw new DockerfileException("unable to convert uid/gid chown string to host mapping: can't find gid for group " + group
                        + ": no such group: " + group);
            }
            gid = atoi(line[2]);
        }
        return LayerFile.owned(uid == null ? 0 : uid, gid == null ? 0 : gid);
    }

    private static LayerFile buildkit(String spec, UnaryOperator<String> read) {
        String[] parts = spec.split(":", 2);
        int uid = 0;
        int gid = 0;
        Integer id = parseUid(parts[0]);
        if (id != null) {
            uid = id;
            gid = id;
        } else {
            String[] line = find(read.apply("/etc/passwd"), parts[0]);
            if (line != null) {
                uid = orZero(atoi(line[2]));
                gid = line.length > 3 ? orZero(atoi(line[3])) : 0;
            }
        }
        if (parts.length == 2) {
            Integer g = parseUid(parts[1]);
            if (g != null) {
                gid = g;
            } else {
                String[] line = find(read.apply("/etc/group"), parts[1]);
                if (line != null) {
                    gid = orZero(atoi(line[2]));
                }
            }
        }
        return LayerFile.owned(uid, gid);
    }

    /** llb's parseUID: {@code root} is 0, else a decimal id. */
    private static Integer parseUid(String s) {
        return s.equals("root") ? Integer.valueOf(0) : atoi(s);
    }

    /** The first line of a passwd or group file whose name is {@code name}, split at its colons; null when none. */
    private static String[] find(String file, String name) {
        if (file == null) {
            return null;
        }
        for (String line : file.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static Integer atoi(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
