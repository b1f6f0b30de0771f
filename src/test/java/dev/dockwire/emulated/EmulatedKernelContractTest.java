package dev.dockwire.emulated;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelContract;
import dev.dockwire.netns.Emulation;

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
}
