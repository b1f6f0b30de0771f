/**
 * The picture of a run: the topology as the world built it (read through the kernel seam's dumps
 * and the engine's model, never from the file's text), laid out in Java and drawn as SVG, Graphviz
 * dot or Mermaid; the run's flows grouped from its pcapng files with each frame's decode and
 * journey (the EPB comment); and the self-contained {@code report.html} that holds them.
 */
package dev.dockwire.report;
