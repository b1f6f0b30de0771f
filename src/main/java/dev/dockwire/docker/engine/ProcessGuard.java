package dev.dockwire.docker.engine;

import dev.dockwire.socket.CallbackGuard;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place where a program's unexpected failure (an exception of the model, a stack
 * overflow) in its main, a timer or a socket callback ends that program alone, as a crash ends a
 * process: {@code dockwire: ARGV0: MESSAGE} on its stderr and status 1, while the script, the loop
 * and the other processes go on. Programs report the errors they expect (bad arguments, refused
 * connections) themselves, in their own words.
 */
final class ProcessGuard implements CallbackGuard {
    private final Supplier<String> argv0;
    private final BooleanSupplier alive;
    private final Consumer<String> crashed;

    /** {@code crashed} gets the stderr line and must end the process with status 1. */
    ProcessGuard(Supplier<String> argv0, BooleanSupplier alive, Consumer<String> crashed) {
        this.argv0 = argv0;
        this.alive = alive;
        this.crashed = crashed;
    }

    @Override
    public void crashed(Throwable e) {
        if (alive.getAsBoolean()) {
            crashed.accept("dockwire: " + argv0.get() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
