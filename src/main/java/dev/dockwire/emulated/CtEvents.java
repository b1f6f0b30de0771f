package dev.dockwire.emulated;

import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.netfilter.conntrack.ConntrackListener;
import dev.dockwire.sim.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The subscribers of one namespace's conntrack events ({@code conntrack -E}), as ctnetlink's
 * multicast groups fan them out: the namespace's {@link Conntrack} has this as its listener while
 * someone subscribes and {@link ConntrackListener#NONE} otherwise. Each event becomes the message
 * ctnetlink_conntrack_event builds (nf_conntrack_netlink.c): DESTROY, else NEW for IPCT_NEW, else
 * UPDATE; the timeout except a DESTROY's zero (ctnetlink_dump_timeout's skip_zero); the TCP state
 * on IPCT_PROTOINFO and on DESTROY.
 */
final class CtEvents implements ConntrackListener {
    private final Conntrack conntrack;
    private final Clock clock;
    private final List<Consumer<ConntrackEvent>> subscribers = new ArrayList<>();

    CtEvents(Conntrack conntrack, Clock clock) {
        this.conntrack = conntrack;
        this.clock = clock;
    }

    /** Adds a subscriber; closing the handle removes it, and the last one out unhooks the listener. */
    AutoCloseable subscribe(Consumer<ConntrackEvent> events) {
        subscribers.add(events);
        conntrack.listen(this);
        return () -> {
            subscribers.remove(events);
            if (subscribers.isEmpty()) {
                conntrack.listen(ConntrackListener.NONE);
            }
        };
    }

    @Override
    public void event(int events, Conn c, long portid) {
        ConntrackEvent e = message(events, c, portid, clock.nanos());
        for (Consumer<ConntrackEvent> s : List.copyOf(subscribers)) {
            s.accept(e);
        }
    }

    /** The message ctnetlink would multicast for {@code events} on {@code c} at virtual time {@code now}. */
    static ConntrackEvent message(int events, Conn c, long portid, long now) {
        ConntrackEvent.Type type = (events & IPCT_DESTROY) != 0 ? ConntrackEvent.Type.DESTROY
                : (events & (IPCT_NEW | IPCT_RELATED)) != 0 ? ConntrackEvent.Type.NEW : ConntrackEvent.Type.UPDATE;
        long timeout = Math.max(0, (c.timeoutNanos() - now) / 1_000_000_000L);
        if (type == ConntrackEvent.Type.DESTROY && timeout == 0) {
            timeout = -1;
        }
        boolean state = c.protocol() == 6 && (type == ConntrackEvent.Type.DESTROY || (events & IPCT_PROTOINFO) != 0);
        ConntrackInfo info = Dumps.conntrack(List.of(c), now).get(0);
        return new ConntrackEvent(type, new ConntrackInfo(info.protocol(), timeout, state ? c.tcpStateName() : null,
                info.original(), info.reply(), info.seenReply(), info.assured(), info.mark(), 0), portid);
    }
}
