/**
 * Runs: builds the emulated or real world a script, topology or compose file describes
 * ({@code World}, {@code RealWorld}, the LAN and internet {@code Outside}), and runs it headless
 * as a {@link dev.dockwire.run.Session}: the transcript at the host's prompt, captures started
 * through the kernel seam ({@code Recordings}), latencies, expectations and the closing summary;
 * several hosts in separate processes over a real underlay ({@code Distributed}).
 *
 * <p>The top of the emulator: may depend on every package below it except {@code cli}.
 */
package dev.dockwire.run;
