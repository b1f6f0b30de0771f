package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The mariadb image's {@code healthcheck.sh [--connect] [--innodb_initialized] ...}
 * (MariaDB/mariadb-docker healthcheck.sh): each test named runs in order and the first that fails
 * prints {@code healthcheck TEST failed} and exits 1; all passing exit 0 in silence. Here every
 * test asks the same of the server — that it accepts a connection on 127.0.0.1:3306 and greets —
 * since the modelled server has no storage engine to initialise.
 */
public final class MariadbHealthcheck implements Program {
    @Override
    public void start(ProcessContext ctx, List<String> args) {
        List<String> tests = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--") && !a.contains("=") && !a.equals("--su-mysql") && !a.equals("--no-defaults")) {
                tests.add(a.substring(2));
            }
        }
        if (tests.isEmpty()) {
            ctx.exit(0);
            return;
        }
        Dial.to(ctx, "127.0.0.1", MysqlServer.PORT, 0, new Dial.Handler() {
            @Override
            public void connected(TcpSocket s, int address) {
                Dial.receive(s, b -> {
                    s.close();
                    ctx.exit(0);
                });
            }

            @Override
            public void failed(boolean resolved, int address, SocketError error) {
                ctx.out("healthcheck " + tests.get(0) + " failed");
                ctx.exit(1);
            }
        });
    }
}
