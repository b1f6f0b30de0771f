package dev.dockwire.link.tc;

import dev.dockwire.sim.SeededRandom;

/**
 * netem's correlated random numbers ({@code get_crandom}): each value is the new uniform draw
 * weighted by {@code 1 - rho} plus the previous value weighted by {@code rho}. Not true
 * statistical correlation — the same approximation netem makes.
 */
final class Correlated {
    private final double rho;
    private double last;

    Correlated(double rho) {
        this.rho = rho;
    }

    /** Uniform-ish in [0, 1). */
    double next(SeededRandom random) {
        double u = random.nextDouble();
        if (rho == 0) {
            return u;
        }
        last = u * (1 - rho) + last * rho;
        return last;
    }
}
