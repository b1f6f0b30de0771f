package dev.dockwire.emulated;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelContract;
import dev.dockwire.netns.Emulation;
import io.netty.buffer.Unpooled;
import java.util.function.BooleanSupplier;

/** The kernel contract on the emulator. */
class EmulatedKernelContractTest extends KernelContract {
    private Emulation emulation;

    @Override
    protected Kernel newKernel() {
        emulation = new Emulation(7);
        return new EmulatedKernel(emulation, "contract");
    }

    @Override
    protected void close(Kernel kernel) {
        emulation.close();
    }

    @Override
    protected void sendUdp(String ns, int dst, int port) {
        k.sockets(ns).openUdp().send(dst, port, Unpooled.wrappedBuffer(new byte[] {'x'}));
    }

    @Override
    protected void await(BooleanSupplier done) {
        emulation.loop().runUntil(done);
    }
}
