package dev.dockwire.link;

/** The {@code type} word of {@code ip link add ... type TYPE} / {@code ip -d link}. */
public enum LinkType {
    LOOPBACK("loopback"),
    VETH("veth"),
    BRIDGE("bridge"),
    MACVLAN("macvlan"),
    VLAN("vlan"),
    DUMMY("dummy"),
    VXLAN("vxlan");

    private final String kind;

    LinkType(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
