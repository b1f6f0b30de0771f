/**
 * The container's shell ({@code sh}, {@code ash}, {@code dash}, {@code bash}): a POSIX grammar
 * parsed to a tree ({@link dev.dockwire.app.sh.Parser}, {@link dev.dockwire.app.sh.Ast}) and run on
 * the event loop by {@link dev.dockwire.app.sh.Interp}, whose every step is a continuation: a program
 * the script starts runs as a process of its place ({@link dev.dockwire.app.sh.Commands}) and the
 * script goes on when it exits, so {@code while true; do ...; sleep 5; done} as PID 1 runs in
 * virtual time. The flavours differ in texts only ({@link dev.dockwire.app.sh.Dialect}).
 */
package dev.dockwire.app.sh;
