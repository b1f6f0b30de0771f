/**
 * What crossed an interface, written for tcpdump and Wireshark: pcap and pcapng writers (a writer
 * thread, chunked blocks, nanosecond timestamps), capture taps that decorate a device (never an
 * {@code if} in the forwarding path), tcpdump filter expressions compiled by libpcap, and what
 * {@code tcpdump -n} prints of each packet (the stateless line of {@code FrameDecoder}; the flags'
 * text and relative TCP numbers of a run's {@code PacketPrinter}, only ever in the printing path).
 *
 * <p>Sees devices ({@code link}) and codecs ({@code wire}); a capture file is the seam's
 * {@code kernel.CaptureSink}, so either kernel records into it. Knows nothing of namespaces or Docker.
 */
package dev.dockwire.capture;
