/**
 * The docker CLI against the engine: {@code docker network|run|create|start|stop|rm|ps|inspect|exec|port|swarm|node|service},
 * printing what the real CLI prints (tables, JSON, Go templates, error wording, exit statuses,
 * the docker 28.2 client's usage texts and flag errors).
 *
 * <p>Follows docker/cli (cli/command/*, cli/required.go, go-units, text/template). Sees the host
 * it runs on only through {@link dev.dockwire.docker.cli.CliEnv}; depends on {@code docker},
 * {@code docker.engine}, {@code docker.swarm}, {@code sim} and {@code wire}, never on the host's tools.
 */
package dev.dockwire.docker.cli;
