package dev.dockwire.kernel;

/**
 * One message of ctnetlink's event groups (nf_conntrack_netlink.c, ctnetlink_conntrack_event): a
 * connection entered the table (NEW, group NFNLGRP_CONNTRACK_NEW), changed (UPDATE: reply seen,
 * ASSURED, a new TCP state) or left it (DESTROY). The connection is as the message carries it: its
 * timeout is -1 when absent (a DESTROY at zero), its TCP state null unless the state changed (NEW,
 * an UPDATE with IPCT_PROTOINFO) or it is a DESTROY, its {@code use} 0 (events never carry it).
 * {@code portid} is the netlink port of the program whose request caused it ({@code conntrack -F}),
 * 0 when the kernel acted by itself.
 */
public record ConntrackEvent(Type type, ConntrackInfo conn, long portid) {
    /** The message type conntrack -E prints in brackets. */
    public enum Type {
        NEW, UPDATE, DESTROY
    }
}
