package dev.dockwire.link;

import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The macvlans on one parent device (the kernel's {@code struct macvlan_port}), installed as the
 * parent's rx handler like {@code macvlan_handle_frame}: a frame the parent receives for a
 * macvlan's MAC goes to that macvlan, broadcast and multicast go to every macvlan and to the
 * parent's own stack, anything else passes to the stack. On the way out
 * ({@code macvlan_queue_xmit}) a bridge-mode macvlan reaches its bridge-mode siblings directly;
 * every other frame leaves through the parent. MACs are looked up in a primitive-keyed map, so
 * the unicast path allocates nothing; broadcast copies a frame per receiver as a bridge floods.
 * The kernel defers broadcast delivery to a work queue; here copies are delivered at once.
 */
final class MacvlanPort implements RxHandler, NetDevice.UpperPort {
    private static final int ALL_MODES = MacvlanMode.PRIVATE.bit() | MacvlanMode.VEPA.bit()
            | MacvlanMode.BRIDGE.bit() | MacvlanMode.PASSTHRU.bit();

    private final Backlog backlog;
    private final NetDevice lower;
    /** The parent's own handler (its stack): what {@code RX_HANDLER_PASS} continues to. */
    private final RxHandler pass;
    private final List<Macvlan> vlans = new ArrayList<>();
    private final LongObjectHashMap<Macvlan> byMac = new LongObjectHashMap<>();
    /**
     * The last MAC looked up and its macvlan (or null): a sibling's frame is looked up on the way
     * out and again when the parent receives it, and a flow repeats it; forgotten when a macvlan comes or goes.
     */
    private long lastMac = -1;
    private Macvlan last;

    MacvlanPort(Backlog backlog, NetDevice lower) {
        this.backlog = backlog;
        this.lower = lower;
        this.pass = lower.rxHandler();
    }

    NetDevice lower() {
        return lower;
    }

    /** The port of the macvlans on {@code dev}, or null. */
    static MacvlanPort of(NetDevice dev) {
        return dev.rxHandlerData() instanceof MacvlanPort p ? p : null;
    }

    boolean isEmpty() {
        return vlans.isEmpty();
    }

    boolean passthru() {
        return vlans.size() == 1 && vlans.get(0).mode() == MacvlanMode.PASSTHRU;
    }

    /** macvlan_port_create on the first macvlan: the port becomes the parent's rx handler. */
    void add(Macvlan v) {
        if (vlans.isEmpty()) {
            lower.rxHandlerData(this);
            lower.rxHandler(this);
        }
        vlans.add(v);
        forget();
        if (v.mode() != MacvlanMode.PASSTHRU) {
            byMac.put(v.mac(), v);
        }
    }

    /** The last macvlan gone, the parent gets its own handler back (macvlan_port_destroy). */
    void remove(Macvlan v) {
        if (!vlans.remove(v)) {
            return;
        }
        forget();
        if (byMac.get(v.mac()) == v) {
            byMac.remove(v.mac());
        }
        if (vlans.isEmpty() && lower.rxHandlerData() == this) {
            lower.rxHandlerData(null);
            lower.rxHandler(pass);
        }
    }

    /**
     * macvlan_queue_xmit: {@code frame} sent by {@code src} (takes ownership). Headers are read in
     * place, here and in {@link #handle}, not through a flyweight pointed at each frame.
     */
    void transmit(Macvlan src, ByteBuf frame) {
        if (src.mode() == MacvlanMode.BRIDGE && frame.readableBytes() >= EthernetFrame.HEADER_LENGTH) {
            long dst = EthernetFrame.dst(frame, frame.readerIndex());
            if (MacAddress.isMulticast(dst)) {
                broadcast(frame, src, MacvlanMode.BRIDGE.bit(), true);
            } else {
                Macvlan dest = byMac(dst);
                if (dest != null && dest.mode() == MacvlanMode.BRIDGE) {
                    // dev_forward_skb(lowerdev): received on the parent (its taps see it), whose
                    // port then delivers it. Unlike the kernel this also counts it in the parent's rx.
                    // Siblings in one namespace: its stack would receive inside its own transmit.
                    if (dest.rxHandler() == src.rxHandler()) {
                        backlog.enqueue(lower, frame);
                    } else {
                        backlog.netifRx(lower, frame);
                    }
                    return;
                }
            }
        }
        lower.transmit(frame);
    }

    /** macvlan_handle_frame: a frame the parent received (takes ownership). */
    @Override
    public void handle(NetDevice dev, ByteBuf frame) {
        if (frame.readableBytes() < EthernetFrame.HEADER_LENGTH) {
            pass.handle(dev, frame);
            return;
        }
        int at = frame.readerIndex();
        long dst = EthernetFrame.dst(frame, at);
        if (MacAddress.isMulticast(dst)) {
            Macvlan src = byMac.get(EthernetFrame.src(frame, at));
            if (src != null && src.mode() != MacvlanMode.VEPA && src.mode() != MacvlanMode.BRIDGE) {
                // A private macvlan's own broadcast, sent back by the switch: to the sender only.
                src.receive(frame);
                return;
            }
            int modes = src == null ? ALL_MODES
                    : src.mode() == MacvlanMode.VEPA ? MacvlanMode.VEPA.bit() | MacvlanMode.BRIDGE.bit()
                    : MacvlanMode.VEPA.bit(); // bridge-mode siblings saw it on the way out
            broadcast(frame, src, modes, false);
            pass.handle(dev, frame);
            return;
        }
        Macvlan v = passthru() ? vlans.get(0) : byMac(dst);
        if (v == null) {
            pass.handle(dev, frame);
            return;
        }
        // RX_HANDLER_ANOTHER: the macvlan receives it (dropped and counted there when it is down).
        v.receive(frame);
    }

    /** The macvlan whose MAC is {@code mac} (not a passthru one), or null. */
    private Macvlan byMac(long mac) {
        if (mac != lastMac) {
            last = byMac.get(mac);
            lastMac = mac;
        }
        return last;
    }

    private void forget() {
        lastMac = -1;
        last = null;
    }

    /** macvlan_broadcast: a copy to every up macvlan whose mode is in {@code modes}, except {@code src}. */
    private void broadcast(ByteBuf frame, Macvlan src, int modes, boolean queued) {
        for (int i = 0, n = vlans.size(); i < n; i++) {
            Macvlan v = vlans.get(i);
            if (v == src || (v.mode().bit() & modes) == 0 || !v.isUp()) {
                continue;
            }
            ByteBuf copy = Frames.copy(frame);
            if (queued) {
                backlog.enqueue(v, copy);
            } else {
                v.receive(copy);
            }
        }
    }
}
