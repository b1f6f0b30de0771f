package dev.dockwire.docker.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EXPOSE's port specs as go-connections' nat.ParsePortSpecs keys them in ExposedPorts. */
final class PortSpecs {
    private PortSpecs() {
    }

    /** nat.ParsePortSpecs' keys: {@code 80} is {@code 80/tcp}, a range one key per port. */
    static List<String> keys(String spec) throws DockerfileException {
        String proto = "tcp";
        String p = spec;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            p = spec.substring(0, slash);
        }
        String[] range = p.split("-", 2);
        try {
            int lo = Integer.parseInt(range[0]);
            int hi = range.length == 2 ? Integer.parseInt(range[1]) : lo;
            List<String> out = new ArrayList<>();
            for (int port = lo; port <= hi; port++) {
                out.add(port + "/" + proto);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new DockerfileException("invalid containerPort: " + p);
        }
    }

}
