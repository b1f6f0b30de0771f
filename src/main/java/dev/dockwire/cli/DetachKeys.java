package dev.dockwire.cli;

import java.util.function.BooleanSupplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * The docker client's default detach keys, ctrl-p then ctrl-q (cli/command/container/hijack.go:
 * moby/term's EscapeProxy reads them off a {@code docker attach} or {@code -it} terminal before the
 * container sees them). In a container's shell they end the line being read and flag a detach; at
 * the host's own prompt ctrl-p is bash's previous-history as before.
 */
final class DetachKeys {
    private static final String WIDGET = "docker-detach";

    private DetachKeys() {
    }

    /** Binds the keys on {@code reader}; the flag it returns is set when a read line ended in a detach. */
    static boolean[] bind(LineReader reader, BooleanSupplier atHost) {
        boolean[] detaching = {false};
        reader.getWidgets().put(WIDGET, () -> {
            if (atHost.getAsBoolean()) {
                reader.callWidget(LineReader.UP_LINE_OR_HISTORY);
                return true;
            }
            detaching[0] = true;
            reader.getBuffer().clear();
            reader.callWidget(LineReader.ACCEPT_LINE);
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(WIDGET), KeyMap.ctrl('P') + KeyMap.ctrl('Q'));
        return detaching;
    }
}
