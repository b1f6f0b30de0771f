package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apt show PACKAGE...} (apt-private/private-show.cc ShowPackage): each named package's record
 * as apt words it (Installed-Size and Download-Size in kB, Tag, {@code APT-Sources}, the Description's
 * first line: the image's docker-no-languages fetches no Translation-en), then an empty line; once
 * installed, {@code APT-Manual-Installed: yes} or {@code no} (apt-mark's auto flag) before
 * {@code APT-Sources}. Names the lists lack are skipped; none found is {@code E: No packages found}
 * (status 100), as before {@code apt-get update}. The records are those of the packages dockwire's
 * apt-get installs whose real {@code apt show} was read (resource {@code rootfs/debian-trixie-added.show},
 * scripts/rootfs/debian-added.py); another found package (the image's own) is not modelled.
 */
final class AptShow {
    private static volatile Map<String, String> records;

    private AptShow() {
    }

    /**
     * Adds the lines of {@code apt show names} in {@code c} to {@code out} (and its error to {@code err}) and returns its
     * status; a found package dockwire has no record of is named in {@code unmodelled} instead; {@code updated}: apt's
     * lists were fetched.
     */
    static int show(Container c, List<String> names, boolean updated, List<String> out, List<String> err, List<String> unmodelled) {
        Repository repo = Repository.of("debian");
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            boolean found = updated && (repo.find(n) != null || DpkgDatabase.image().containsKey(n));
            if (!found) {
                continue;
            }
            String record = records().get(n);
            if (record == null) {
                unmodelled.add("apt show " + n + " (its record)");
                return 1;
            }
            DpkgDatabase.Entry installed = DpkgDatabase.find(c, n);
            for (String line : record.split("\n")) {
                if (line.startsWith("APT-Sources: ") && installed != null) {
                    shown.add("APT-Manual-Installed: " + (installed.automatic() ? "no" : "yes"));
                }
                shown.add(line);
            }
            shown.add("");
        }
        if (shown.isEmpty()) {
            out.add("E: No packages found");
            err.add("E: No packages found");
            return 100;
        }
        out.addAll(shown);
        return 0;
    }

    private static Map<String, String> records() {
        Map<String, String> r = records;
        if (r == null) {
            Map<String, String> m = new HashMap<>();
            try (InputStream in = AptShow.class.getResourceAsStream("rootfs/debian-trixie-added.show")) {
                for (String stanza : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n\n")) {
                    if (stanza.startsWith("Package: ")) {
                        m.put(stanza.substring(9, stanza.indexOf('\n')), stanza.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            r = Map.copyOf(m);
            records = r;
        }
        return r;
    }
}
