package dev.dockwire.netns.stack;

/** A subset of the kernel's IP MIB counters (IPSTATS_MIB_*, the {@code Ip:} lines of {@code nstat}/{@code netstat -s}). */
public final class IpMib {
    public long inReceives;
    public long inHdrErrors;
    public long inAddrErrors;
    public long inDelivers;
    public long forwarded;
    public long outRequests;
    public long fragOks;
    public long fragCreates;
    public long fragFails;
}
