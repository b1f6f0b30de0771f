/**
 * Time and order: the event loop every emulated device and program runs on, its virtual clock (or
 * wall-clock pacing when a real socket or interface is attached), timers, and the one seeded random
 * source all randomness comes from, so that the same input and seed give byte-identical captures.
 *
 * <p>A leaf: it uses no other dockwire package. Core code never reads the wall clock itself.
 */
package dev.dockwire.sim;
