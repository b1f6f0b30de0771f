package dev.dockwire.emulated;

import dev.dockwire.kernel.JourneyNames;
import dev.dockwire.kernel.Kernel;
import java.util.function.Supplier;

/**
 * Journey names over an emulation's namespaces ({@code HOST/NS}): a host's own namespace by the host's
 * name, this host's others ({@code prefix}) by the names the engine gives them, other hosts' in full.
 */
final class SeamJourneyNames implements JourneyNames {
    private final String prefix;
    private final Supplier<JourneyNames> names;

    SeamJourneyNames(String prefix, Supplier<JourneyNames> names) {
        this.prefix = prefix;
        this.names = names;
    }

    @Override
    public String namespace(String n) {
        int slash = n.indexOf('/');
        String rest = n.substring(slash + 1);
        if (slash < 0 || rest.equals(Kernel.HOST)) {
            return slash < 0 ? n : n.substring(0, slash);
        }
        return n.startsWith(prefix) ? names.get().namespace(rest) : n;
    }

    @Override
    public String socketOwner(String n, String proto, int port) {
        return n.startsWith(prefix) ? names.get().socketOwner(n.substring(prefix.length()), proto, port) : null;
    }
}
