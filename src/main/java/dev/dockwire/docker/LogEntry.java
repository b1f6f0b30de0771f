package dev.dockwire.docker;

/**
 * One line a container's main process wrote, as the json-file log driver keeps it
 * ({@code {"log":"...\n","stream":"stdout","time":"..."}}; daemon/logger/jsonfilelog).
 *
 * @param stream {@code stdout} or {@code stderr}
 * @param nanos  when it was written, on the engine's clock
 */
public record LogEntry(String stream, long nanos, String line) {
}
