package dev.dockwire.docker.engine;

import java.util.regex.Pattern;

/**
 * An image reference as distribution/reference parses it (ParseNormalizedNamed): an optional
 * registry domain (a first component with a dot or a colon, or {@code localhost}), the repository
 * path, an optional tag and an optional digest. Docker Hub's names are kept in their familiar
 * form: {@code docker.io/library/nginx} is {@code nginx}, {@code index.docker.io/traefik/whoami}
 * is {@code traefik/whoami}.
 *
 * @param domain {@code docker.io} for Docker Hub
 * @param path the repository path, familiar for Docker Hub ({@code nginx}, {@code traefik/whoami})
 * @param tag null when the reference names none
 * @param digest null when the reference names none ({@code sha256:...} otherwise)
 */
record Reference(String domain, String path, String tag, String digest) {
    static final String DOCKER_HUB = "docker.io";
    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    /** Parsed references by their text: every container's create and start parse its image's name several times. */
    private static final java.util.Map<String, java.util.Optional<Reference>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The reference {@code s} names, or null when it is not a valid reference. */
    static Reference parse(String s) {
        java.util.Optional<Reference> known = PARSED.get(s);
        if (known == null) {
            if (PARSED.size() >= 4096) { // a few names in a run; bounded all the same
                PARSED.clear();
            }
            known = java.util.Optional.ofNullable(parseText(s));
            PARSED.put(s, known);
        }
        return known.orElse(null);
    }

    private static Reference parseText(String s) {
        String rest = s;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return null;
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return null;
            }
        }
        String domain = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                domain = first.equals("index.docker.io") ? DOCKER_HUB : first;
                rest = rest.substring(slash + 1);
            }
        }
        if (domain.equals(DOCKER_HUB) && rest.startsWith("library/")) {
            rest = rest.substring("library/".length());
        }
        if (!PATH.matcher(rest).matches()) {
            return null;
        }
        return new Reference(domain, rest, tag, digest);
    }

    String tagOrLatest() {
        return tag == null ? "latest" : tag;
    }

    /** reference.FamiliarName: the repository as people write it ({@code nginx}, {@code ghcr.io/o/app}). */
    String familiarName() {
        return domain.equals(DOCKER_HUB) ? path : domain + "/" + path;
    }

    /**
     * reference.FamiliarString of reference.TagNameOnly: the name with its tag, {@code latest} when
     * it names neither tag nor digest ({@code nginx:latest}, {@code nginx@sha256:...}).
     */
    String familiarTagged() {
        String t = tag != null ? ":" + tag : digest == null ? ":latest" : "";
        return familiarName() + t + (digest == null ? "" : "@" + digest);
    }
}
