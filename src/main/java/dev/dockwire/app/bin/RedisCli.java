package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redis-cli [-h HOST] [-p PORT] [-a PASS] [--raw] [--no-auth-warning] COMMAND [ARG...]}
 * (redis's src/redis-cli.c, run without a terminal): sends the command as a RESP array and prints
 * the reply as redis-cli does when its output is not a tty — {@code PONG}, the integer, the
 * string, an empty line for nil, {@code ERR ...} for an error (exit 1). When it cannot connect:
 * {@code Could not connect to Redis at HOST:PORT: Connection refused} (exit 1).
 */
public final class RedisCli implements Program {
    private ProcessContext ctx;
    private boolean done;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String host = "127.0.0.1";
        int port = RedisServer.PORT;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!command.isEmpty()) {
                command.add(a);
            } else if (a.equals("-h")) {
                host = args.get(++i);
            } else if (a.equals("-p")) {
                port = Integer.parseInt(args.get(++i));
            } else if (a.equals("-a") || a.equals("-n") || a.equals("--user") || a.equals("--pass")) {
                i++;
            } else if (a.equals("--raw") || a.equals("--no-raw") || a.equals("--no-auth-warning")) {
                continue; // without a terminal the output is raw either way
            } else if (a.startsWith("-") && a.length() > 1) {
                ctx.err("Unrecognized option or bad number of args for: '" + a + "'");
                ctx.exit(1);
                return;
            } else {
                command.add(a);
            }
        }
        if (command.isEmpty()) {
            ctx.exit(0); // no command and no terminal: it reads commands from an empty stdin
            return;
        }
        String h = host;
        int p = port;
        Dial.to(ctx, host, port, 0, new Dial.Handler() {
            @Override
            public void connected(TcpSocket s, int address) {
                StringBuilder reply = new StringBuilder();
                Dial.receive(s, b -> {
                    reply.append(new String(b, StandardCharsets.UTF_8));
                    String r = reply.toString();
                    int eol = r.indexOf("\r\n");
                    if (eol < 0) {
                        return;
                    }
                    char type = r.charAt(0);
                    if (type == '$' && !r.startsWith("$-1")) {
                        int len = Integer.parseInt(r.substring(1, eol));
                        if (r.length() < eol + 2 + len + 2) {
                            return;
                        }
                        finish(s, 0, r.substring(eol + 2, eol + 2 + len));
                    } else if (type == '$') {
                        finish(s, 0, "");
                    } else {
                        finish(s, type == '-' ? 1 : 0, r.substring(1, eol));
                    }
                });
                Dial.send(s, RedisServer.Resp.array(command));
            }

            @Override
            public void failed(boolean resolved, int address, SocketError error) {
                if (done) {
                    return;
                }
                done = true;
                ctx.err("Could not connect to Redis at " + h + ":" + p + ": "
                        + (resolved ? error.message() : "Name or service not known"));
                ctx.exit(1);
            }
        });
    }

    private void finish(TcpSocket s, int status, String line) {
        if (done) {
            return;
        }
        done = true;
        s.close();
        ctx.out(line);
        ctx.exit(status);
    }
}
