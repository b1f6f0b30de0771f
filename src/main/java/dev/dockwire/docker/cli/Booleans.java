package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * pflag's boolean flags that default to true ({@code commit -p}, {@code history -H}): spelled
 * {@code -p=false} or {@code --pause=false}, their value read by strconv.ParseBool, a bad one the
 * flag's {@code invalid argument} error.
 */
final class Booleans {
    private Booleans() {
    }

    /** {@code args} with {@code -X=VALUE} spelled {@code --name=VALUE}, which the flag parser reads. */
    static List<String> spelled(List<String> args, char shorthand, String name) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.startsWith("-" + shorthand + "=") ? "--" + name + a.substring(2) : a);
        }
        return out;
    }

    /** The flag's value ({@code dflt} when not given); {@code shown} names it as pflag's errors do ({@code -p, --pause}). */
    static boolean value(CliFlags f, String name, String shown, boolean dflt) {
        if (!f.has(name)) {
            return dflt;
        }
        String v = f.get(name);
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new CliFlags.FlagError("invalid argument \"" + v + "\" for \"" + shown
                    + "\" flag: strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
        };
    }
}
