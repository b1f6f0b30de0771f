package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge by behaviour: learning, flooding, no reflection, hairpin, ageing on a manual clock, MTU. */
class BridgeTest {
    private static final long A = 0x02_00_00_00_00_0AL;
    private static final long B = 0x02_00_00_00_00_0BL;
    private static final long C = 0x02_00_00_00_00_0CL;
    private static final long BR = 0x02_00_00_00_00_FFL;

    private EventLoop loop;
    private Backlog backlog;
    private Bridge bridge;
    private final List<Station> stations = new ArrayList<>();
    private final List<String> up = new ArrayList<>();

    /** A host on a bridge port: the far end of a veth, recording what it receives. */
    private final class Station {
        final String name;
        final Veth port;
        final Veth nic;
        final List<Long> received = new ArrayList<>();

        Station(String name, long mac) {
            this.name = name;
            port = Veth.createPair(backlog, "v" + name, 10 + stations.size() * 2, mac + 0x100, name, 11 + stations.size() * 2, mac);
            nic = port.peer();
            port.setUp(true);
            nic.setUp(true);
            nic.rxHandler((dev, frame) -> {
                received.add(new EthernetFrame().wrap(frame, frame.readerIndex()).src());
                frame.release();
            });
            bridge.addPort(port);
        }

        void send(long dst) {
            ByteBuf f = Frames.allocate(64);
            f.writeZero(60);
            new EthernetFrame().wrap(f, f.readerIndex()).dst(dst).src(nic.mac()).etherType(EtherType.IPV4);
            nic.transmit(f);
            loop.drain();
        }
    }

    @BeforeEach
    void setUp() {
        loop = new EventLoop();
        backlog = new Backlog();
        loop.addAgent(backlog);
        bridge = new Bridge(loop, "br0", 1, BR);
        bridge.setUp(true);
        bridge.rxHandler((dev, frame) -> {
            up.add(Long.toHexString(new EthernetFrame().wrap(frame, frame.readerIndex()).dst()));
            frame.release();
        });
        stations.add(new Station("a", A));
        stations.add(new Station("b", B));
        stations.add(new Station("c", C));
    }

    @AfterEach
    void drain() {
        loop.drain();
    }

    private Station st(int i) {
        return stations.get(i);
    }

    @Test
    void unknownUnicastIsFloodedToEveryOtherPortAndTheSourceIsLearned() {
        st(0).send(B);
        assertEquals(List.of(A), st(1).received);
        assertEquals(List.of(A), st(2).received);
        assertTrue(st(0).received.isEmpty(), "never reflected to the ingress port");
        FdbEntry e = bridge.fdb().lookup(A);
        assertNotNull(e);
        assertEquals("va", e.port().dev().name());
        assertTrue(up.isEmpty(), "unicast for another host is not passed up");
    }

    @Test
    void knownUnicastGoesOnlyToItsPort() {
        st(1).send(A); // learn B
        st(2).received.clear();
        st(0).received.clear();
        st(0).send(B);
        assertEquals(List.of(A), st(1).received);
        assertTrue(st(2).received.isEmpty());
    }

    @Test
    void broadcastIsFloodedAndPassedUp() {
        st(0).send(0xFFFF_FFFF_FFFFL);
        assertEquals(1, st(1).received.size());
        assertEquals(1, st(2).received.size());
        assertEquals(List.of("ffffffffffff"), up);
    }

    @Test
    void framesToTheBridgeAddressGoUp() {
        st(0).send(BR);
        assertEquals(List.of(Long.toHexString(BR)), up);
        assertTrue(st(1).received.isEmpty());
    }

    @Test
    void hairpinSendsBackOutOfTheIngressPort() {
        st(0).send(0xFFFF_FFFF_FFFFL);
        assertTrue(st(0).received.isEmpty());
        bridge.port(st(0).port).hairpin(true);
        st(0).send(0xFFFF_FFFF_FFFFL);
        assertEquals(List.of(A), st(0).received);
    }

    @Test
    void entriesAgeOutAfterTheAgeingTimeThenFloodingResumes() {
        st(1).send(A);
        assertNotNull(bridge.fdb().lookup(B));
        loop.runFor(Fdb.DEFAULT_AGEING_NANOS - 1);
        assertNotNull(bridge.fdb().lookup(B), "still fresh just before 300 s");
        loop.runFor(1);
        assertNull(bridge.fdb().lookup(B));
        st(2).received.clear();
        st(0).send(B);
        assertEquals(List.of(A), st(2).received, "unknown again: flooded");
        assertTrue(bridge.fdb().entries().stream().noneMatch(e -> e.mac() == B), "garbage collected");
    }

    @Test
    void aStationThatMovesIsRepointed() {
        st(1).send(A);
        assertEquals("vb", bridge.fdb().lookup(B).port().dev().name());
        // Frame with source B arriving on c's port.
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(A).src(B).etherType(EtherType.IPV4);
        st(2).nic.transmit(f);
        loop.drain();
        assertEquals("vc", bridge.fdb().lookup(B).port().dev().name());
    }

    @Test
    void oversizedFramesAreDroppedAtTheEgressPort() {
        st(1).send(A); // learn B
        st(1).port.mtu(100);
        ByteBuf f = Frames.allocate(300);
        f.writeZero(214);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(B).src(A).etherType(EtherType.IPV4);
        st(0).nic.transmit(f);
        loop.drain();
        assertTrue(st(1).received.isEmpty());
        assertEquals(1, st(1).port.stats().txDropped);
    }

    @Test
    void downPortsAndCountersBehaveLikeIpSLink() {
        st(2).port.setUp(false);
        st(0).send(0xFFFF_FFFF_FFFFL);
        assertTrue(st(2).received.isEmpty());
        assertEquals(1, st(0).nic.stats().txPackets);
        assertEquals(60, st(0).nic.stats().txBytes);
        assertEquals(1, st(0).port.stats().rxPackets);
        assertEquals(1, st(1).nic.stats().rxPackets);
    }

    @Test
    void aDeviceCanOnlyHaveOneMaster() {
        Bridge other = new Bridge(loop, "br1", 2, 0x02_00_00_00_01_00L);
        assertThrows(IllegalStateException.class, () -> other.addPort(st(0).port));
        bridge.removePort(st(0).port);
        other.addPort(st(0).port);
        assertEquals(other, st(0).port.master());
    }

    @Test
    void invalidSourceAddressesAreDropped() {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(B).src(0x01_00_5E_00_00_01L).etherType(EtherType.IPV4);
        st(0).nic.transmit(f);
        loop.drain();
        assertTrue(st(1).received.isEmpty());
        assertEquals(1, st(0).port.stats().rxDropped);
    }
}
