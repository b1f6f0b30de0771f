package dev.dockwire.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frozen process's sockets ({@code docker pause}): its listeners stop accepting and its
 * connections stop reading, and thawing gives back what the program itself had asked for.
 */
class GuardedSocketsFreezeTest {
    private final List<String> calls = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> T recording(Class<T> type, String name) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals("listenTcp")) {
                return recording(TcpListener.class, "listener");
            }
            if (m.getName().equals("openTcp")) {
                return recording(TcpSocket.class, "tcp");
            }
            if (m.getName().equals("openUdp")) {
                return recording(UdpSocket.class, "udp");
            }
            if (m.getName().startsWith("pause") || m.getName().startsWith("resume")) {
                calls.add(name + "." + m.getName());
            }
            return m.getReturnType() == int.class ? 0 : null;
        });
    }

    @Test
    void freezeHoldsListenersAndConnectionsAndThawKeepsTheProgramsOwnPause() {
        GuardedSockets s = new GuardedSockets(recording(Sockets.class, "sockets"), e -> { });
        TcpListener l = s.listenTcp(0, 80, 511);
        TcpSocket t = s.openTcp();
        s.freeze();
        assertEquals(List.of("listener.pauseAccepting", "tcp.pauseReading"), calls);
        calls.clear();
        t.resumeReading();
        assertEquals(List.of(), calls, "the program's resume waits for the thaw");
        t.pauseReading();
        l.pauseAccepting();
        calls.clear();
        s.thaw();
        assertEquals(List.of(), calls, "the program paused both itself: the thaw leaves them paused");
        l.resumeAccepting();
        s.freeze();
        calls.clear();
        s.thaw();
        assertEquals(List.of("listener.resumeAccepting"), calls);
    }

    @Test
    void freezeHoldsAUdpSocketsReadsAndThawResumesThem() {
        GuardedSockets s = new GuardedSockets(recording(Sockets.class, "sockets"), e -> { });
        s.openUdp();
        s.freeze();
        assertEquals(List.of("udp.pauseReading"), calls);
        calls.clear();
        s.thaw();
        assertEquals(List.of("udp.resumeReading"), calls);
    }
}
