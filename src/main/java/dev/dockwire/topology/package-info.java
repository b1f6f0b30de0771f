/**
 * What the user hands dockwire, as data: the topology YAML, docker-compose files (with {@code .env}
 * interpolation as Compose does it) and scripts of {@code docker}
 * commands, loaded with validation errors that name the file, line and key; where a command written
 * over several lines ends ({@code CommandText}, as bash's reader decides), for scripts and the prompt.
 *
 * <p>Stands alone but for {@code docker.ContainerName}, the daemon's container-name rule, so a
 * file is refused with its line before anything is built; building what it describes is
 * {@code run}'s job.
 */
package dev.dockwire.topology;
