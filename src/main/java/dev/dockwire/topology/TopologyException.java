package dev.dockwire.topology;

/**
 * Bad topology input: names the file, the line, the key path and what would be valid, as
 * {@code two.yml:7: networks.mynet.subnet: invalid CIDR "172.18.0/16" ...}.
 */
public final class TopologyException extends RuntimeException {
    private final String file;
    private final int line;
    private final String path;

    public TopologyException(String file, int line, String path, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        this.file = file;
        this.line = line;
        this.path = path;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String path() {
        return path;
    }
}
