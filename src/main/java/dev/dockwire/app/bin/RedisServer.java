package dev.dockwire.app.bin;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The redis image's server on 6379 speaking RESP2 (commands as arrays of bulk strings, or inline):
 * {@code PING [msg]}, {@code ECHO}, {@code SET}, {@code GET}, {@code INCR}, {@code DEL},
 * {@code QUIT}, over one in-memory keyspace; any other command is redis's
 * {@code ERR unknown command}.
 */
public final class RedisServer {
    static final int PORT = 6379;

    private final TcpListener listener;
    private final Map<String, String> keys = new HashMap<>();

    private RedisServer(Sockets sockets) {
        this.listener = sockets.listenTcp(0, PORT, 511);
        listener.onAccept(s -> {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            Dial.receive(s, chunk -> {
                in.writeBytes(chunk);
                List<List<String>> read = new java.util.ArrayList<>();
                List<String> cmd;
                while ((cmd = Resp.command(in)) != null) {
                    if (!cmd.isEmpty()) {
                        read.add(cmd);
                    }
                }
                // server.c securityWarningCommand: "POST" or "Host:" is an HTTP request (a browser or
                // curl at 6379); the client is closed at once, the replies of this read unwritten
                // (handleClientsWithPendingWrites skips CLIENT_CLOSE_ASAP), so curl sees an empty reply.
                if (read.stream().anyMatch(c -> c.get(0).equalsIgnoreCase("post") || c.get(0).equalsIgnoreCase("host:"))) {
                    s.close();
                    return;
                }
                for (List<String> c : read) {
                    if (answer(s, c)) {
                        return;
                    }
                }
            });
            s.onEof(s::close);
        });
    }

    public static RedisServer start(Sockets sockets) {
        return new RedisServer(sockets);
    }

    /** Answers {@code cmd}; true when the connection is to close. */
    private boolean answer(TcpSocket s, List<String> cmd) {
        String name = cmd.get(0).toLowerCase(Locale.ROOT);
        List<String> args = cmd.subList(1, cmd.size());
        String reply = switch (name) {
            case "ping" -> args.isEmpty() ? "+PONG\r\n" : Resp.bulk(args.get(0));
            case "echo" -> args.size() == 1 ? Resp.bulk(args.get(0)) : arity(name);
            case "get" -> args.size() == 1 ? Resp.bulk(keys.get(args.get(0))) : arity(name);
            case "set" -> {
                if (args.size() < 2) {
                    yield arity(name);
                }
                keys.put(args.get(0), args.get(1));
                yield "+OK\r\n";
            }
            case "del" -> {
                int n = 0;
                for (String k : args) {
                    n += keys.remove(k) != null ? 1 : 0;
                }
                yield ":" + n + "\r\n";
            }
            case "incr" -> {
                if (args.size() != 1) {
                    yield arity(name);
                }
                try {
                    long v = Long.parseLong(keys.getOrDefault(args.get(0), "0")) + 1;
                    keys.put(args.get(0), Long.toString(v));
                    yield ":" + v + "\r\n";
                } catch (NumberFormatException e) {
                    yield "-ERR value is not an integer or out of range\r\n";
                }
            }
            case "quit" -> "+OK\r\n";
            default -> {
                StringBuilder b = new StringBuilder();
                args.forEach(a -> b.append('\'').append(a).append("' "));
                yield "-ERR unknown command '" + cmd.get(0) + "', with args beginning with: " + b + "\r\n";
            }
        };
        Dial.send(s, reply.getBytes(StandardCharsets.UTF_8));
        if (name.equals("quit")) {
            s.close();
            return true;
        }
        return false;
    }

    private static String arity(String name) {
        return "-ERR wrong number of arguments for '" + name + "' command\r\n";
    }

    public void stop() {
        listener.close();
    }

    /**
     * The keyspace as the final RDB snapshot keeps it in {@code /data/dump.rdb}: here the keys and
     * values as one RESP array (not RDB's format: only this server reads it back).
     */
    public String dump() {
        List<String> words = new ArrayList<>();
        keys.forEach((k, v) -> {
            words.add(k);
            words.add(v);
        });
        return new String(Resp.array(words), StandardCharsets.UTF_8);
    }

    /** Loads a {@link #dump}; returns the number of keys loaded. */
    public int load(String dump) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(dump.getBytes(StandardCharsets.UTF_8));
        List<String> words = Resp.command(in);
        if (words == null) {
            return 0;
        }
        for (int i = 0; i + 1 < words.size(); i += 2) {
            keys.put(words.get(i), words.get(i + 1));
        }
        return keys.size();
    }

    /** RESP framing (the serialization both sides use). */
    static final class Resp {
        private Resp() {
        }

        static String bulk(String s) {
            return s == null ? "$-1\r\n" : "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
        }

        static byte[] array(List<String> words) {
            StringBuilder b = new StringBuilder("*" + words.size() + "\r\n");
            words.forEach(w -> b.append(bulk(w)));
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The next whole command in {@code in} (consumed), or null when more bytes are needed. */
        static List<String> command(ByteArrayOutputStream in) {
            String s = in.toString(StandardCharsets.UTF_8);
            int eol = s.indexOf("\r\n");
            if (eol < 0) {
                return null;
            }
            List<String> out = new ArrayList<>();
            int at;
            if (s.charAt(0) != '*') {
                for (String w : s.substring(0, eol).trim().split("\\s+")) {
                    if (!w.isEmpty()) {
                        out.add(w);
                    }
                }
                at = eol + 2;
            } else {
                int n = Integer.parseInt(s.substring(1, eol));
                at = eol + 2;
                for (int k = 0; k < n; k++) {
                    int e = s.indexOf("\r\n", at);
                    if (e < 0) {
                        return null;
                    }
                    int len = Integer.parseInt(s.substring(at + 1, e));
                    if (s.length() < e + 2 + len + 2) {
                        return null;
                    }
                    out.add(s.substring(e + 2, e + 2 + len));
                    at = e + 2 + len + 2;
                }
            }
            byte[] rest = s.substring(at).getBytes(StandardCharsets.UTF_8);
            in.reset();
            in.writeBytes(rest);
            return out;
        }
    }
}
