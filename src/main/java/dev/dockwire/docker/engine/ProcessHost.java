package dev.dockwire.docker.engine;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.SeededRandom;

/**
 * What a process ({@link Exec}) reaches of the host it runs on: the kernel whose sockets it
 * opens, the emulation's seeded random source, and where its latency samples go. The engine is one.
 */
public interface ProcessHost {
    Kernel kernel();

    SeededRandom random();

    /** A program measured {@code nanos} of {@code metric} ({@code ping rtt}, {@code curl connect}, ...). */
    void sample(String metric, long nanos);
}
