package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.linux.netlink.LinkMessage;
import dev.dockwire.linux.netlink.Nlmsghdr;
import dev.dockwire.linux.netlink.Rtm;
import dev.dockwire.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Namespaces made as iproute2 makes them, and a netlink socket inside one (root only). */
class NamespacesTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("creating network namespaces");
    }

    @Test
    void createdNamespaceIsSeenByIpNetnsAndDeletedCleanly() throws Exception {
        String ns = TestNamespaces.PREFIX + "a";
        Namespaces.create(ns);
        assertTrue(Namespaces.list().contains(ns));
        assertEquals("File exists", assertThrows(KernelException.class, () -> Namespaces.create(ns)).getMessage()
                .replaceAll(".*: ", ""));
        if (ExternalTools.available("ip")) {
            assertTrue(ExternalTools.run("ip", "netns", "list").stream().anyMatch(l -> l.startsWith(ns)));
            // ip netns exec enters the same namespace: it sees the dummy link made through our socket.
            try (NetlinkSocket nl = NetlinkSocket.open(ns)) {
                nl.request(Rtm.RTM_NEWLINK, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL,
                        new LinkMessage().ifname("dwdummy").kind("bridge")::emit);
            }
            List<String> out = ExternalTools.run("ip", "netns", "exec", ns, "ip", "-o", "link", "show", "dwdummy");
            assertEquals(1, out.size(), out.toString());
        }
        // /proc/sys/net read on the namespace's thread is the namespace's own.
        assertEquals("0", Namespaces.call(ns, () -> Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).trim()));
        Namespaces.delete(ns);
        assertFalse(Namespaces.exists(ns));
        assertThrows(KernelException.class, () -> Namespaces.delete(ns));
    }

    @Test
    void requestsAreAckedErrorsNamedAndDumpsComplete() {
        String ns = TestNamespaces.PREFIX + "b";
        Namespaces.create(ns);
        try (NetlinkSocket nl = NetlinkSocket.open(ns)) {
            for (int i = 0; i < 40; i++) {
                nl.request(Rtm.RTM_NEWLINK, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL,
                        new LinkMessage().ifname("br" + i).kind("bridge")::emit);
            }
            ErrnoException dup = assertThrows(ErrnoException.class, () -> nl.request(Rtm.RTM_NEWLINK,
                    Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL, new LinkMessage().ifname("br0").kind("bridge")::emit));
            assertEquals(Errno.EEXIST, dup.errno());
            assertEquals("RTNETLINK answers: File exists", dup.getMessage());
            ErrnoException missing = assertThrows(ErrnoException.class, () -> nl.get(Rtm.RTM_GETLINK,
                    new LinkMessage().ifname("nosuch")::emit, LinkMessage::parse));
            assertEquals(Errno.ENODEV, missing.errno());
            List<LinkMessage> links = nl.dump(Rtm.RTM_GETLINK, new LinkMessage()::emit, LinkMessage::parse);
            assertEquals(41, links.size(), "lo and 40 bridges over several multipart reads");
            assertEquals("lo", links.get(0).ifname());
            assertEquals("bridge", links.get(40).kind());
            assertEquals("br0", nl.get(Rtm.RTM_GETLINK, new LinkMessage().ifname("br0")::emit, LinkMessage::parse).ifname());
        }
    }
}
