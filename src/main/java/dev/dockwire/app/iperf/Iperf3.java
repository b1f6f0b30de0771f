package dev.dockwire.app.iperf;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/**
 * iperf3 3.16: {@code iperf3 -s [-p PORT] [-1] [-D]} serves tests, {@code iperf3 -c HOST [-p PORT]
 * [-t SECS] [-n BYTES] [-u] [-b RATE] [-l LEN] [-R] [-i SECS]} runs one and prints iperf3's
 * report. Both speak iperf3's protocol: a control connection to port 5201 (cookie, states,
 * JSON parameters and results) and one data stream, TCP or UDP, so captures read like iperf3's.
 */
public final class Iperf3 implements Program {
    static final int DEFAULT_PORT = 5201;
    private static final int TCP_BLOCK = 128 * 1024;
    /** DEFAULT_UDP_BLKSIZE for a 1500-byte MTU. */
    private static final int UDP_BLOCK = 1460;
    /** UDP_RATE: 1 Mibit/s, printed as 1.05 Mbits/sec. */
    private static final long UDP_RATE = 1024 * 1024;
    /** MAX_TIME (iperf.h): a day. */
    private static final int MAX_TIME = 86400;
    /** MIN_INTERVAL and MAX_INTERVAL (iperf.h), seconds between reports. */
    private static final double MIN_INTERVAL = 0.1;
    private static final double MAX_INTERVAL = 60;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        boolean server = false;
        boolean oneOff = false;
        boolean daemon = false;
        String host = null;
        int port = DEFAULT_PORT;
        double time = 10;
        long bytes = 0;
        boolean udp = false;
        long rate = -1;
        int len = 0;
        boolean reverse = false;
        double interval = 1;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-s", "--server" -> server = true;
                    case "-c", "--client" -> host = args.get(++i);
                    case "-p", "--port" -> port = Integer.parseInt(args.get(++i));
                    case "-1", "--one-off" -> oneOff = true;
                    case "-D", "--daemon" -> daemon = true;
                    case "-t", "--time" -> time = Double.parseDouble(args.get(++i));
                    case "-n", "--bytes" -> bytes = Iperf3Units.parse(args.get(++i), 1024);
                    case "-u", "--udp" -> udp = true;
                    case "-b", "--bitrate", "--bandwidth" -> rate = Iperf3Units.parse(args.get(++i), 1000);
                    case "-l", "--length" -> len = (int) Iperf3Units.parse(args.get(++i), 1024);
                    case "-R", "--reverse" -> reverse = true;
                    case "-i", "--interval" -> interval = Double.parseDouble(args.get(++i));
                    default -> {
                        ctx.err("iperf3: unrecognized option '" + a + "'");
                        usage(ctx);
                        return;
                    }
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            ctx.err("iperf3: parameter error - invalid argument");
            usage(ctx);
            return;
        }
        String invalid = invalid(port, time, interval);
        if (invalid != null) {
            ctx.err("iperf3: parameter error - " + invalid);
            usage(ctx);
            return;
        }
        if (server == (host != null)) {
            ctx.err("iperf3: parameter error - must either be a client (-c) or server (-s)");
            usage(ctx);
            return;
        }
        if (server) {
            new Iperf3Server(ctx, port, oneOff, daemon).start();
            return;
        }
        if (len == 0) {
            len = udp ? UDP_BLOCK : TCP_BLOCK;
        }
        if (udp && len < Iperf3Stream.UDP_HEADER) {
            ctx.err("iperf3: error - block size too small");
            ctx.exit(1);
            return;
        }
        Iperf3Params params = new Iperf3Params(udp, reverse, time, bytes, len, rate >= 0 ? rate : udp ? UDP_RATE : 0);
        new Iperf3Client(ctx, host, port, params, (long) (interval * 1e9)).start();
    }

    /**
     * iperf_parse_arguments' range checks (iperf_api.c; texts of iperf_error.c): the port, the
     * duration (MAX_TIME) and the report interval (MIN_INTERVAL, MAX_INTERVAL; 0 turns reports off).
     */
    private static String invalid(int port, double time, double interval) {
        if (port < 1 || port > 65535) {
            return "port number must be between 1 and 65535 inclusive";
        }
        if (time < 0 || time > MAX_TIME) {
            return "test duration valid values are 0 to " + MAX_TIME + " seconds";
        }
        if (interval != 0 && interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            return "invalid report interval (min = " + MIN_INTERVAL + ", max = " + (int) MAX_INTERVAL + " seconds)";
        }
        return null;
    }

    private static void usage(ProcessContext ctx) {
        ctx.err("");
        ctx.err("Usage: iperf3 [-s|-c host] [options]");
        ctx.err("       iperf3 [-h|--help] [-v|--version]");
        ctx.exit(1);
    }
}
