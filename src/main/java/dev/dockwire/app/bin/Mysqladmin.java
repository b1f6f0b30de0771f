package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mysqladmin [-h HOST] [-P PORT] [-u USER] [-pPASS|--password=PASS] [-s|--silent] ping}
 * (MySQL's client/mysqladmin.cc; MariaDB's {@code mariadb-admin} is the same program): connects —
 * {@code localhost} or no {@code -h} through the Unix socket, modelled as the container's own
 * 127.0.0.1 — reads the server's greeting, logs in, sends COM_PING and prints
 * {@code mysqld is alive} (0; one {@code -s} keeps it, two drop it). When it cannot connect it
 * prints sql_connect's error (unless {@code --silent}) and exits 1.
 */
public final class Mysqladmin implements Program {
    private final String name;
    private final String socket;
    private ProcessContext ctx;
    private int silent;
    private boolean done;

    /** {@code name} as it calls itself in errors; {@code socket} the image's mysqld socket path. */
    public Mysqladmin(String name, String socket) {
        this.name = name;
        this.socket = socket;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String host = null;
        int port = MysqlServer.PORT;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-s") || a.equals("--silent")) {
                silent++;
            } else if (a.equals("-h") || a.equals("--host")) {
                host = i + 1 < args.size() ? args.get(++i) : null;
            } else if (a.startsWith("--host=")) {
                host = a.substring(7);
            } else if (a.startsWith("-h")) {
                host = a.substring(2);
            } else if (a.equals("-P") || a.equals("--port")) {
                port = Integer.parseInt(args.get(++i));
            } else if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring(7));
            } else if (a.equals("-u") || a.equals("--user")) {
                i++;
            } else if (a.startsWith("-u") || a.startsWith("--user=") || a.startsWith("-p") || a.startsWith("--password")
                    || a.startsWith("--protocol") || a.equals("--no-beep") || a.startsWith("--connect-timeout")) {
                continue; // credentials and options the modelled server does not check
            } else if (a.startsWith("-")) {
                ctx.err(name + ": unknown option '" + a + "'");
                ctx.exit(1);
                return;
            } else {
                commands.add(a);
            }
        }
        if (commands.isEmpty()) {
            ctx.err(name + ": No command given");
            ctx.exit(1);
            return;
        }
        if (!commands.stream().allMatch(c -> c.equals("ping"))) {
            ctx.err(name + ": Unknown command: '" + commands.stream().filter(c -> !c.equals("ping")).findFirst().get() + "'");
            ctx.exit(1);
            return;
        }
        boolean viaSocket = host == null || host.equals("localhost");
        String shownHost = host == null ? "localhost" : host;
        int p = port;
        Dial.to(ctx, viaSocket ? "127.0.0.1" : host, port, 0, new Dial.Handler() {
            @Override
            public void connected(TcpSocket s, int address) {
                ping(s);
            }

            @Override
            public void failed(boolean resolved, int address, SocketError error) {
                if (viaSocket) {
                    cannotConnect(shownHost, "Can't connect to local MySQL server through socket '" + socket + "' (2)",
                            "Check that mysqld is running and that the socket: '" + socket + "' exists!");
                } else if (!resolved) {
                    cannotConnect(shownHost, "Unknown MySQL server host '" + shownHost + "' (-2)",
                            "Check that mysqld is running on " + shownHost + " and that the port is " + p + ".\n"
                                    + "You can check this by doing 'telnet " + shownHost + " " + p + "'");
                } else {
                    cannotConnect(shownHost, "Can't connect to MySQL server on '" + shownHost + ":" + p + "' ("
                                    + (error == SocketError.ECONNREFUSED ? 111 : error == SocketError.ETIMEDOUT ? 110 : 113) + ")",
                            "Check that mysqld is running on " + shownHost + " and that the port is " + p + ".\n"
                                    + "You can check this by doing 'telnet " + shownHost + " " + p + "'");
                }
            }
        });
    }

    /** Greeting, handshake response, COM_PING, COM_QUIT. */
    private void ping(TcpSocket s) {
        int[] step = {0};
        Dial.receive(s, b -> {
            switch (step[0]++) {
                case 0 -> Dial.send(s, MysqlServer.packet(1, new byte[32])); // HandshakeResponse41
                case 1 -> Dial.send(s, MysqlServer.packet(0, new byte[] {MysqlServer.COM_PING}));
                default -> {
                    Dial.send(s, MysqlServer.packet(0, new byte[] {MysqlServer.COM_QUIT}));
                    s.close();
                    finish(b.length > 4 && b[4] == 0 ? 0 : 1, "mysqld is alive");
                }
            }
        });
        s.onEof(() -> cannotConnect("localhost", "Lost connection to MySQL server at 'reading initial communication packet', system error: 0", null));
    }

    private void cannotConnect(String host, String error, String hint) {
        if (done) {
            return;
        }
        if (silent == 0) {
            ctx.err(name + ": connect to server at '" + host + "' failed");
            ctx.err("error: '" + error + "'");
            if (hint != null) {
                hint.lines().forEach(ctx::err);
            }
        }
        done = true;
        ctx.exit(1);
    }

    private void finish(int status, String line) {
        if (done) {
            return;
        }
        done = true;
        if (status == 0 && silent < 2) {
            ctx.out(line);
        }
        ctx.exit(status);
    }
}
