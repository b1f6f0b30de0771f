package dev.dockwire.linux;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelContract;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.testing.ExternalTools;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel contract on this machine's kernel (root only), in namespaces named with
 * {@link TestNamespaces#PREFIX}; a part needing a module or tool the machine lacks is skipped with
 * its reason printed.
 */
class RealKernelContractTest extends KernelContract {
    /** What each optional part needs: a kernel module, or a tool on the PATH. */
    private static final Map<String, String> MODULES = Map.of("macvlan", "macvlan", "8021q", "8021q");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @Override
    protected Kernel newKernel() {
        ExternalTools.assumeRoot("the kernel contract on real namespaces");
        return new RealKernel(TestNamespaces.PREFIX + "kc-", null);
    }

    @Override
    protected void close(Kernel kernel) {
        if (kernel != null) {
            ((RealKernel) kernel).close();
        }
    }

    @Override
    protected void sendUdp(String ns, int dst, int port) {
        Namespaces.call(((RealKernel) k).netnsName(ns), () -> {
            try (DatagramSocket s = new DatagramSocket()) {
                byte[] x = {'x'};
                s.send(new DatagramPacket(x, 1, InetAddress.getByAddress(java.nio.ByteBuffer.allocate(4).putInt(dst).array()), port));
            }
            return null;
        });
    }

    @Override
    protected void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Override
    protected boolean supports(String what) {
        String module = MODULES.get(what);
        boolean ok = module != null ? Files.isDirectory(Path.of("/sys/module", module)) || probe(what)
                : ExternalTools.available(what);
        if (!ok) {
            System.out.println("SKIPPED part: " + what + " is not available on this machine");
        }
        return ok;
    }

    /** Whether this kernel makes a link of {@code kind} (its module may load on first use). */
    private boolean probe(String kind) {
        try (RealKernel probe = new RealKernel(TestNamespaces.PREFIX + "probe-", null)) {
            probe.linkAdd(Kernel.HOST, LinkSpec.veth("v0", null, "v1", null));
            if (kind.equals("macvlan")) {
                probe.linkAdd(Kernel.HOST, LinkSpec.macvlan("m0", "v0", "bridge", null));
            } else {
                probe.linkAdd(Kernel.HOST, LinkSpec.vlan("v0.5", "v0", 5));
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
