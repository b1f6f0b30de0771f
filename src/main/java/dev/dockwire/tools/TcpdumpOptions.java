package dev.dockwire.tools;

import dev.dockwire.capture.PacketPrinter;
import dev.dockwire.capture.PrintOptions;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * tcpdump's command line (tcpdump.c main's getopt loop) and what it makes of each packet: the
 * time stamp ({@code -t} counted: none, {@code -tt} seconds since the epoch, {@code -ttt} since
 * the previous packet, {@code -tttt} date and time, {@code -ttttt} since the first), then the
 * {@link PacketPrinter}'s text ({@code -S -v -e -A -X}), one string a line.
 */
final class TcpdumpOptions {
    /** The options of tcpdump 4.99's getopt string that take an argument. */
    private static final String WITH_ARGUMENT = "BcCEFGiIjmMQrsTVwWyzZ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd ").withZone(ZoneOffset.UTC);

    String iface;
    String write;
    String read;
    boolean unbuffered;
    boolean promiscuous = true;
    long count;
    int stamps;
    boolean absolute;
    int verbose;
    boolean ether;
    int ascii;
    int hex;
    final List<String> expression = new ArrayList<>();
    private PacketPrinter printer;
    private long first = -1;
    private long previous = -1;

    /** Short options clustered as getopt reads them: {@code -nnvvS} is five, {@code -ni eth0} two and an argument. */
    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (!options || !a.startsWith("-") || a.startsWith("--") || a.length() <= 2) {
                out.add(a);
                options &= !a.equals("--");
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                out.add("-" + c);
                if (WITH_ARGUMENT.indexOf(c) >= 0 && k + 1 < a.length()) {
                    out.add(a.substring(k + 1));
                    break;
                }
            }
        }
        return out;
    }

    /** Parses {@code args}; refused with tcpdump's text. */
    static TcpdumpOptions parse(List<String> args) {
        TcpdumpOptions o = new TcpdumpOptions();
        List<String> a = expand(args);
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            switch (s) {
                case "-i", "--interface" -> o.iface = argument(a, ++i, 'i');
                case "-w" -> o.write = argument(a, ++i, 'w');
                case "-r" -> o.read = argument(a, ++i, 'r');
                case "-c" -> {
                    String v = argument(a, ++i, 'c');
                    o.count = v.matches("[0-9]{1,18}") ? Long.parseLong(v) : -1;
                    if (o.count <= 0) {
                        throw new Tcpdump.Refused("tcpdump: invalid packet count " + v);
                    }
                }
                case "-s" -> argument(a, ++i, 's'); // the snapshot length: frames here are shorter than any
                case "-U", "--packet-buffered" -> o.unbuffered = true;
                case "-p", "--no-promiscuous-mode" -> o.promiscuous = false;
                case "-n", "-l", "-q", "-N", "--immediate-mode" -> {
                    // -n: names are never resolved here; -l: every line is flushed anyway.
                }
                case "-S", "--absolute-tcp-sequence-numbers" -> o.absolute = true;
                case "-v" -> o.verbose++;
                case "-e" -> o.ether = true;
                case "-A" -> o.ascii++;
                case "-X" -> o.hex++;
                case "-t" -> o.stamps++;
                default -> {
                    if (s.startsWith("-") && s.length() > 1 && !s.startsWith("--time-stamp-precision")) {
                        throw new Tcpdump.Refused("tcpdump: invalid option -- '" + s.substring(1) + "'");
                    }
                    if (!s.startsWith("--")) {
                        o.expression.add(s);
                    }
                }
            }
        }
        o.printer = new PacketPrinter(new PrintOptions(o.absolute, o.verbose, o.ether, o.ascii, o.hex));
        return o;
    }

    private static String argument(List<String> a, int i, char option) {
        if (i >= a.size()) {
            throw new Tcpdump.Refused("tcpdump: option requires an argument -- '" + option + "'");
        }
        return a.get(i);
    }

    /** The expression, or null for every packet. */
    String filter() {
        return expression.isEmpty() ? null : String.join(" ", expression);
    }

    /**
     * The lines of one packet seen at {@code epochNanos}: the time stamp, {@code device} (the
     * {@code -i any} column, or null), then the packet's text.
     */
    List<String> lines(long epochNanos, String device, ByteBuf frame) {
        StringBuilder line = new StringBuilder(128);
        long micros = epochNanos / 1000;
        switch (stamps) {
            case 0 -> timeOfDay(line, micros);
            case 1 -> {
            }
            case 2 -> line.append(micros / 1_000_000).append('.').append(String.format("%06d ", micros % 1_000_000));
            case 3, 5 -> {
                long since = stamps == 3 ? (previous < 0 ? micros : previous) : (first < 0 ? micros : first);
                timeOfDay(line.append(' '), micros - since); // a sign column: blank for a time not negative
            }
            default -> {
                DATE.formatTo(Instant.ofEpochSecond(micros / 1_000_000), line);
                timeOfDay(line, micros);
            }
        }
        if (first < 0) {
            first = micros;
        }
        previous = micros;
        if (device != null) {
            line.append(device);
        }
        printer.print(frame, line);
        return List.of(line.toString().split("\n", -1));
    }

    /** {@code HH:MM:SS.uuuuuu }, of the day in UTC (the host's zone). */
    private static void timeOfDay(StringBuilder line, long micros) {
        long secs = micros / 1_000_000;
        line.append(String.format("%02d:%02d:%02d.%06d ", secs / 3600 % 24, secs / 60 % 60, secs % 60, micros % 1_000_000));
    }
}
