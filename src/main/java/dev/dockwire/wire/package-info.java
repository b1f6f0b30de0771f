/**
 * Frame and message codecs: flyweights over Netty {@code ByteBuf}s with named offsets under each
 * RFC's header diagram (Ethernet, 802.1Q, ARP, IPv4, ICMP, UDP, TCP, DNS, VXLAN), each with a value
 * type ({@code *Repr}) that parses and emits it, plus the address values ({@code MacAddress},
 * {@code Ipv4Address}, {@code Cidr}) and the Internet checksum with its incremental update (RFC 1624).
 *
 * <p>No emulator logic: codecs read and write bytes; golden-byte tests pin each one. Uses only
 * {@code sim} (the seeded source for random MACs).
 */
package dev.dockwire.wire;
