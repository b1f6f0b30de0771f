package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.socket.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's {@code pg_isready [-h HOST] [-p PORT] [-U USER] [-d DBNAME] [-t SECONDS] [-q]}
 * (src/bin/scripts/pg_isready.c over libpq's PQping): connects as libpq does — without
 * {@code -h} to the Unix socket in {@code /var/run/postgresql}, modelled as the container's own
 * 127.0.0.1, with {@code -h} over TCP after an SSLRequest — sends a StartupMessage and prints
 * {@code HOST:PORT - accepting connections} (0) when the server asks for authentication or lets
 * it in, {@code rejecting connections} (1) when it answers an error such as 57P03, and
 * {@code no response} (2) when nothing answers within the timeout (3 s; 0 waits for ever).
 */
public final class PgIsready implements Program {
    private static final String SOCKET_DIR = "/var/run/postgresql";
    private static final List<String> OPTIONS = List.of("-h", "--host", "-p", "--port", "-U", "--username", "-d", "--dbname",
            "-t", "--timeout");

    private ProcessContext ctx;
    private boolean quiet;
    private String shown;
    private boolean done;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String host = null;
        String port = "5432";
        String user = "root";
        String db = null;
        long timeout = 3_000_000_000L;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-q") || a.equals("--quiet")) {
                quiet = true;
                continue;
            }
            if (a.equals("-V") || a.equals("--version")) {
                ctx.out("pg_isready (PostgreSQL) 18.6 (Debian 18.6-1.pgdg13+2)");
                ctx.exit(0);
                return;
            }
            // getopt_long: -hHOST, -h HOST, --host=HOST, --host HOST
            String key;
            String value;
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                key = eq < 0 ? a : a.substring(0, eq);
                value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : null;
            } else {
                key = a.length() >= 2 ? a.substring(0, 2) : a;
                value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
            }
            if (!OPTIONS.contains(key)) {
                ctx.err("pg_isready: invalid option -- '" + a.replaceFirst("^-+", "") + "'");
                ctx.err("pg_isready: hint: Try \"pg_isready --help\" for more information.");
                ctx.exit(3);
                return;
            }
            if (value == null) {
                ctx.err("pg_isready: option requires an argument -- '" + key.replaceFirst("^-+", "") + "'");
                ctx.err("pg_isready: hint: Try \"pg_isready --help\" for more information.");
                ctx.exit(3);
                return;
            }
            switch (key) {
                case "-h", "--host" -> host = value;
                case "-p", "--port" -> port = value;
                case "-U", "--username" -> user = value;
                case "-d", "--dbname" -> db = value;
                default -> timeout = Long.parseLong(value) * 1_000_000_000L;
            }
        }
        shown = (host == null ? SOCKET_DIR : host) + ":" + port;
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            report(3, "no attempt");
            return;
        }
        byte[] startup = startup(user, db == null ? user : db);
        boolean tcp = host != null && !host.startsWith("/");
        Dial.to(ctx, tcp ? host : "127.0.0.1", p, timeout, new Dial.Handler() {
            @Override
            public void connected(TcpSocket s, int address) {
                exchange(s, tcp, startup);
            }

            @Override
            public void failed(boolean resolved, int address, dev.dockwire.socket.SocketError error) {
                report(2, "no response");
            }
        });
        if (timeout > 0) {
            ctx.schedule(timeout, () -> report(2, "no response"));
        }
    }

    private void exchange(TcpSocket s, boolean ssl, byte[] startup) {
        boolean[] sslPending = {ssl};
        Dial.receive(s, b -> {
            if (sslPending[0]) {
                sslPending[0] = false;
                Dial.send(s, startup); // 'N': no SSL, go on in the clear
                return;
            }
            s.close();
            report(b.length > 0 && b[0] == 'R' ? 0 : 1, b.length > 0 && b[0] == 'R' ? "accepting connections"
                    : "rejecting connections");
        });
        s.onEof(() -> report(2, "no response"));
        if (ssl) {
            Dial.send(s, ByteBuffer.allocate(8).putInt(8).putInt(PostgresServer.SSL_REQUEST).array());
        } else {
            Dial.send(s, startup);
        }
    }

    private static byte[] startup(String user, String db) {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        for (String kv : List.of("user", user, "database", db)) {
            params.writeBytes(kv.getBytes(StandardCharsets.UTF_8));
            params.write(0);
        }
        params.write(0);
        byte[] p = params.toByteArray();
        return ByteBuffer.allocate(8 + p.length).putInt(8 + p.length).putInt(PostgresServer.PROTOCOL_3).put(p).array();
    }

    private void report(int status, String text) {
        if (done) {
            return;
        }
        done = true;
        if (!quiet) {
            ctx.out(shown + " - " + text);
        }
        ctx.exit(status);
    }
}
