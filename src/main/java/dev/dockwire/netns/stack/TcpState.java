package dev.dockwire.netns.stack;

/** The connection states of RFC 9293 section 3.3.2 (the kernel's TCP_* states, as ss prints them). */
public enum TcpState {
    CLOSED,
    LISTEN,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT;

    /** States after the handshake in which the peer's sequence space is known (RFC 9293 3.10.7.4). */
    boolean isSynchronized() {
        return ordinal() >= ESTABLISHED.ordinal();
    }

    /** States in which segment text from the peer is accepted (RFC 9293 3.10.7.4, seventh). */
    boolean receivesText() {
        return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2;
    }
}
