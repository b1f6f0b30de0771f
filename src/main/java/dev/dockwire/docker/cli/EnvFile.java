package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --env-file FILE} of {@code docker run}, {@code create} and {@code exec}, read by the client
 * as docker/cli's opts.ReadKVEnvStrings over parseKeyValueFile (opts/file.go): leading blanks
 * trimmed, empty and {@code #} lines skipped, {@code KEY=VALUE} kept as written after the key,
 * a bare {@code KEY} taking the client's own value (dropped when it has none); a key with a blank
 * in it or an empty key refuses the file. The files' variables come before {@code -e}'s, whose
 * later values the daemon puts in place of earlier ones.
 */
final class EnvFile {
    /** A file the client could not read or parse: its words, without the command's prefix. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private EnvFile() {
    }

    /** The variables {@code files} hold, in order; {@code read} gives a file's text (null: none), {@code clientEnv} bare keys' values. */
    static List<String> read(List<String> files, java.util.function.Function<String, String> read, Map<String, String> clientEnv) {
        java.util.function.UnaryOperator<String> bare = key -> clientEnv.containsKey(key) ? key + "=" + clientEnv.get(key) : null;
        List<String> out = new ArrayList<>();
        for (String file : files) {
            String text = read.apply(file);
            if (text == null) {
                throw new Invalid("open " + file + ": no such file or directory");
            }
            boolean first = true;
            for (String raw : text.split("\n", -1)) {
                String line = (first && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).stripLeading();
                first = false;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1); // bufio.ScanLines drops a trailing CR
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String key = eq < 0 ? line : line.substring(0, eq);
                if (key.isEmpty()) {
                    throw new Invalid("invalid env file (" + file + "): no variable name on line '" + line + "'");
                }
                if (key.contains(" ") || key.contains("\t")) {
                    throw new Invalid("invalid env file (" + file + "): variable '" + key + "' contains whitespaces");
                }
                if (eq >= 0) {
                    out.add(line);
                } else if (bare.apply(line) != null) {
                    out.add(bare.apply(line));
                }
            }
        }
        return out;
    }
}
