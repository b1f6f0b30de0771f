/**
 * Docker Compose on the engine: {@code docker compose up|down|ps|exec|port|build}, a project's
 * networks and services mapped onto networks and containers, with start order and health gating.
 *
 * <p>Follows docker/compose v2 (pkg/compose: create.go, convergence.go, the project's naming
 * and labels), a CLI plugin built on docker/cli: it depends on {@code docker.cli},
 * {@code docker.engine}, {@code docker}, {@code topology}, {@code sim} and {@code wire}.
 */
package dev.dockwire.docker.compose;
