/**
 * The contract between a program and the place it runs: {@link dev.dockwire.app.Program} started
 * with a {@link dev.dockwire.app.ProcessContext} (sockets, timers on the emulation's clock, files,
 * stdout/stderr, exit), so the same program runs in an emulated namespace or on real sockets.
 *
 * <p>The programs themselves live in the sub-packages; this package uses only {@code socket},
 * {@code sim} and {@code wire}.
 */
package dev.dockwire.app;
