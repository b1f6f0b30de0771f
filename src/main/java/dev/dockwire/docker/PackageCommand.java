package dev.dockwire.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A package manager's command line cut as both a Dockerfile's {@code RUN} and a running container's
 * {@code apk}/{@code apt-get} read it: the manager, its distribution family ({@code apk}: alpine,
 * {@code apt-get}/{@code apt}: debian, {@code dnf}/{@code yum}/{@code microdnf}: fedora), its options
 * and its operands (the verb first), an option that takes an argument ({@code --virtual NAME},
 * {@code -o KEY=VALUE}) skipping that argument as apk's and apt's getopt do.
 *
 * @param manager  the program's base name
 * @param family   the catalogue's {@code packages:} family, null for another program
 * @param options  the words that start with {@code -}, in order
 * @param operands the verb ({@code add}, {@code install}, {@code update}) and the package names
 */
public record PackageCommand(String manager, String family, List<String> options, List<String> operands) {
    /** Options of the package managers that take the next word as their argument. */
    private static final Set<String> OPTION_ARGS = Set.of("--virtual", "-t", "--repository", "-X", "--root", "-p", "--arch",
            "--cache-dir", "--keys-dir", "--repositories-file", "-o", "--option", "--target-release", "--default-release", "-c",
            "--config", "--setopt", "--enablerepo", "--disablerepo", "--releasever", "--installroot");

    public PackageCommand {
        options = List.copyOf(options);
        operands = List.copyOf(operands);
    }

    /** The family whose packages {@code manager} installs, or null when it is no package manager dockwire knows. */
    public static String family(String manager) {
        return switch (manager) {
            case "apk" -> "alpine";
            case "apt-get", "apt" -> "debian";
            case "dnf", "yum", "microdnf" -> "fedora";
            default -> null;
        };
    }

    /** {@code words} (argv, the manager first) cut into options and operands. */
    public static PackageCommand parse(List<String> words) {
        String manager = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        List<String> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int w = 1; w < words.size(); w++) {
            String word = words.get(w);
            if (OPTION_ARGS.contains(word)) {
                options.add(word);
                w++;
            } else if (word.startsWith("-")) {
                options.add(word);
            } else {
                operands.add(word);
            }
        }
        return new PackageCommand(manager, family(manager), options, operands);
    }

    /** The verb ({@code add}, {@code install}, ...), or null when there is none. */
    public String verb() {
        return operands.isEmpty() ? null : operands.get(0);
    }

    /** The operands after the verb: the packages, each without a version constraint ({@code curl=8.5.0-r0}: curl). */
    public List<String> packages() {
        List<String> out = new ArrayList<>();
        for (String pkg : operands.subList(Math.min(1, operands.size()), operands.size())) {
            out.add(pkg.split("[=<>~]", 2)[0]);
        }
        return out;
    }

    /** Whether one of {@code names} ({@code -y}, {@code --yes}) was given, a short one alone or in a bundle. */
    public boolean has(String... names) {
        for (String n : names) {
            for (String o : options) {
                // a bundle of short options ({@code -qy}) holds each of its letters
                if (o.equals(n) || n.length() == 2 && !o.startsWith("--") && o.indexOf(n.charAt(1)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
