/**
 * {@code iperf3}: client and server speaking iperf3's protocol (control connection on 5201 with a
 * cookie and JSON parameters, then the data streams) and printing its report lines.
 */
package dev.dockwire.app.iperf;
