package dev.dockwire.docker;

import java.util.regex.Pattern;

/**
 * The one rule a container's name follows, moby's {@code validContainerNamePattern}
 * (daemon/names.go, from daemon/names/names.go {@code RestrictedNamePattern}
 * {@code ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$}): two characters or more, checked after one leading
 * {@code /} is dropped. {@code docker run/create --name}, {@code docker rename}, Compose's
 * {@code container_name} (whose schema carries the same pattern) and topology containers all
 * pass through it.
 */
public final class ContainerName {
    /** The characters the daemon's refusal names, {@code validContainerNameChars}. */
    public static final String CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern PATTERN = Pattern.compile(CHARS + "+");

    private ContainerName() {
    }

    /** Whether the daemon reserves {@code name} (reserveName trims one leading {@code /} first). */
    public static boolean valid(String name) {
        return PATTERN.matcher(name.startsWith("/") ? name.substring(1) : name).matches();
    }

    /** The daemon's refusal of {@code name} as the request spelled it. */
    public static String refusal(String name) {
        return "Invalid container name (" + name + "), only " + CHARS + " are allowed";
    }
}
