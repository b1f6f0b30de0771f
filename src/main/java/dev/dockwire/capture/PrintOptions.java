package dev.dockwire.capture;

/**
 * What tcpdump's flags change in a packet's text (netdissect_options in tcpdump's netdissect.h).
 *
 * @param absolute {@code -S}: TCP sequence numbers as on the wire, not relative to the flow's first
 * @param verbose {@code -v} count: the IP header's fields, TCP checksums, whole text protocols
 * @param ether {@code -e}: the Ethernet addresses and EtherType in front
 * @param ascii {@code -A} count: the packet as ASCII after the line (2: the Ethernet header too)
 * @param hex {@code -X} count: the packet in hex and ASCII after the line (2: the Ethernet header too)
 */
public record PrintOptions(boolean absolute, int verbose, boolean ether, int ascii, int hex) {
    /** {@code tcpdump -n -S}: one stateless line per frame. */
    public static final PrintOptions ABSOLUTE = new PrintOptions(true, 0, false, 0, 0);
    /** {@code tcpdump -n}: relative sequence numbers. */
    public static final PrintOptions DEFAULT = new PrintOptions(false, 0, false, 0, 0);
}
