package dev.dockwire.docker.cli;

import java.util.List;

/**
 * {@code --link NAME[:ALIAS]} as the client checks it before the daemon sees it, for
 * {@code docker run}/{@code create} and {@code docker network connect} alike (docker/cli
 * opts/opts.go {@code ValidateLink} over {@code ParseLink}).
 */
final class LinkFlag {
    private LinkFlag() {
    }

    static List<String> check(List<String> links) {
        for (String link : links) {
            String why = link.isEmpty() ? "empty string specified for links"
                    : link.split(":", -1).length > 2 ? "bad format for links: " + link : null;
            if (why != null) {
                throw new CliFlags.FlagError("invalid argument \"" + link + "\" for \"--link\" flag: " + why);
            }
        }
        return links;
    }
}
