/**
 * What crossed an interface, written for tcpdump and Wireshark: pcap and pcapng writers (a writer
 * thread, chunked blocks, nanosecond timestamps), capture taps that decorate a device (never an
 * {@code if} in the forwarding path), tcpdump filter expressions compiled by libpcap, and the
 * one-line decoding {@code tcpdump -n} prints.
 *
 * <p>Sees devices ({@code link}) and codecs ({@code wire}); a capture file is the seam's
 * {@code kernel.CaptureSink}, so either kernel records into it. Knows nothing of namespaces or Docker.
 */
package dev.dockwire.capture;
