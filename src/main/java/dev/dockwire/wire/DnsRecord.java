package dev.dockwire.wire;

import java.util.List;
import java.util.Objects;

/**
 * A resource record (RFC 1035 section 4.1.3): owner name in presentation text, TYPE, CLASS, TTL
 * (unsigned 32 bits) and the decoded RDATA. For the OPT pseudo-record CLASS and TTL carry EDNS
 * fields; read them through {@link Edns#from}.
 */
public record DnsRecord(String name, int type, int dnsClass, long ttl, DnsRdata rdata) {

    public DnsRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rdata, "rdata");
        if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("TTL " + ttl + " is not an unsigned 32-bit value");
        }
        if (!(rdata instanceof DnsRdata.Raw) && rdata.type() != type) {
            throw new IllegalArgumentException(DnsType.name(rdata.type()) + " data in a record of type "
                    + DnsType.name(type));
        }
    }

    public static DnsRecord a(String name, long ttl, Ipv4Address address) {
        return new DnsRecord(name, DnsType.A, DnsClass.IN, ttl, new DnsRdata.A(address));
    }

    public static DnsRecord aaaa(String name, long ttl, DnsRdata.Aaaa address) {
        return new DnsRecord(name, DnsType.AAAA, DnsClass.IN, ttl, address);
    }

    public static DnsRecord cname(String name, long ttl, String target) {
        return new DnsRecord(name, DnsType.CNAME, DnsClass.IN, ttl, new DnsRdata.Cname(target));
    }

    public static DnsRecord ptr(String name, long ttl, String target) {
        return new DnsRecord(name, DnsType.PTR, DnsClass.IN, ttl, new DnsRdata.Ptr(target));
    }

    public static DnsRecord ns(String name, long ttl, String host) {
        return new DnsRecord(name, DnsType.NS, DnsClass.IN, ttl, new DnsRdata.Ns(host));
    }

    public static DnsRecord srv(String name, long ttl, int priority, int weight, int port, String target) {
        return new DnsRecord(name, DnsType.SRV, DnsClass.IN, ttl, new DnsRdata.Srv(priority, weight, port, target));
    }

    public static DnsRecord txt(String name, long ttl, String... strings) {
        return new DnsRecord(name, DnsType.TXT, DnsClass.IN, ttl, new DnsRdata.Txt(List.of(strings)));
    }

    /** An SOA record, as put in the authority section of a negative answer (RFC 2308 section 3). */
    public static DnsRecord soa(String name, long ttl, DnsRdata.Soa soa) {
        return new DnsRecord(name, DnsType.SOA, DnsClass.IN, ttl, soa);
    }

    @Override
    public String toString() {
        return name + ". " + ttl + " " + DnsClass.name(dnsClass) + " " + DnsType.name(type) + " " + rdata;
    }
}
