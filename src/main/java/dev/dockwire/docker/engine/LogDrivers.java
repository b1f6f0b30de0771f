package dev.dockwire.docker.engine;

import dev.dockwire.docker.EngineException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logging drivers a container may name ({@code --log-driver}) and the daemon's check of them
 * at create (daemon/logger: each driver's ValidateLogOpt): {@code json-file} (the default),
 * {@code local} and {@code none} are modelled; another of the daemon's built-in drivers is refused
 * in words that say so; any other name is looked up as a plugin and not found, as dockerd says.
 */
final class LogDrivers {
    /** local's options (daemon/logger/local/config.go). */
    private static final List<String> LOCAL_KEYS = List.of("max-size", "max-file", "compress");
    /** dockerd's other built-in drivers (daemon/logdrivers_linux.go), which need a service this host does not run. */
    private static final Set<String> UNMODELLED = Set.of("syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "gcplogs");

    private LogDrivers() {
    }

    static void validate(String driver, Map<String, String> opts) {
        switch (driver) {
            case "json-file" -> JsonFileOptions.validate(opts);
            case "local" -> opts.keySet().stream().filter(k -> !LOCAL_KEYS.contains(k)).findFirst().ifPresent(k -> {
                throw new EngineException("unknown log opt '" + k + "' for local log driver");
            });
            case "none" -> {
            }
            default -> throw new EngineException(UNMODELLED.contains(driver)
                    ? "the " + driver + " logging driver is not modelled by dockwire (json-file, local and none are)"
                    : "error looking up logging plugin " + driver + ": plugin \"" + driver + "\" not found");
        }
    }
}
