package dev.dockwire.wire;

import java.util.Objects;

/** A question entry (RFC 1035 section 4.1.2): QNAME in presentation text, QTYPE, QCLASS. */
public record DnsQuestion(String name, int type, int dnsClass) {

    public DnsQuestion {
        Objects.requireNonNull(name, "name");
    }

    /** A class IN question. */
    public static DnsQuestion of(String name, int type) {
        return new DnsQuestion(name, type, DnsClass.IN);
    }

    @Override
    public String toString() {
        return name + ". " + DnsClass.name(dnsClass) + " " + DnsType.name(type);
    }
}
