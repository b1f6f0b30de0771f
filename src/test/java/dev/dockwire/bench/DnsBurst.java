package dev.dockwire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A burst of DNS queries over UDP at a fixed rate to a container's embedded resolver (127.0.0.11,
 * port 53, as its resolv.conf names it), the load of issue 21's "Done when": run inside the
 * container's namespace ({@code ip netns exec NS java ... DnsBurst RATE SECONDS NAME...}; the
 * socket belongs to the namespace the process is in), names taken in turn. Each reply is counted by
 * its rcode; queries without a reply within {@link #DRAIN_NANOS} after the last was sent are lost
 * (the resolver's receive buffer dropped them). Prints a line per second and the totals:
 * {@code sent=N answered=N refused=N servfail=N lost=N}.
 */
public final class DnsBurst {
    /** How long replies are awaited after the last query: the resolver's 4 s upstream timeout and a margin. */
    static final long DRAIN_NANOS = 5_000_000_000L;
    /** Queries sent per pass of the loop before it reads replies. */
    private static final int BATCH = 64;

    /** The counts of a burst, or of one second of it. */
    public static final class Counts {
        public long sent;
        public long answered;
        public long refused;
        public long servfail;
        public long other;

        void add(int rcode) {
            switch (rcode) {
                case 0, 3 -> answered++; // NOERROR, NXDOMAIN: an answer
                case 5 -> refused++;
                case 2 -> servfail++;
                default -> other++;
            }
        }

        public long replies() {
            return answered + refused + servfail + other;
        }

        public long lost() {
            return sent - replies();
        }

        @Override
        public String toString() {
            return "sent=" + sent + " answered=" + answered + " refused=" + refused + " servfail=" + servfail
                    + (other == 0 ? "" : " other=" + other) + " lost=" + Math.max(0, lost());
        }
    }

    private DnsBurst() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: DnsBurst RATE SECONDS NAME... (in the container's namespace)");
            System.exit(2);
        }
        int rate = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        List<String> names = List.of(args).subList(2, args.length);
        try (DatagramChannel ch = DatagramChannel.open()) {
            Counts total = run(ch, rate, seconds, names, System.out::println);
            System.out.println(total);
        }
    }

    /** A query for {@code name} type A class IN, recursion desired, id 0 (patched per query). */
    static byte[] query(String name) {
        ByteBuffer b = ByteBuffer.allocate(12 + name.length() + 2 + 4);
        b.putShort((short) 0).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putInt(0);
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) 1).putShort((short) 1);
        return b.array();
    }

    /**
     * Sends {@code rate} queries a second for {@code seconds} through {@code ch} (made in the
     * container's namespace) to 127.0.0.11:53, then reads replies for {@link #DRAIN_NANOS};
     * {@code perSecond} gets a line per second of sending.
     */
    public static Counts run(DatagramChannel ch, int rate, double seconds, List<String> names, Consumer<String> perSecond) {
        return run(ch, rate, seconds, DRAIN_NANOS, names, perSecond);
    }

    /** As {@link #run(DatagramChannel, int, double, List, Consumer)}, reading replies for {@code drainNanos} after the last query. */
    public static Counts run(DatagramChannel ch, int rate, double seconds, long drainNanos, List<String> names,
                             Consumer<String> perSecond) {
        List<byte[]> queries = new ArrayList<>();
        names.forEach(n -> queries.add(query(n)));
        Counts total = new Counts();
        Counts second = new Counts();
        try {
            ch.configureBlocking(false);
            ch.connect(new InetSocketAddress("127.0.0.11", 53));
            ByteBuffer in = ByteBuffer.allocate(4096);
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long nextLine = t0 + 1_000_000_000L;
            int id = 0;
            long now;
            while ((now = System.nanoTime()) < end + drainNanos) {
                if (now < end) {
                    long due = Math.min((long) ((now - t0) / 1e9 * rate), (long) (seconds * rate));
                    for (int i = 0; i < BATCH && total.sent < due; i++) {
                        byte[] q = queries.get((int) (total.sent % queries.size()));
                        q[0] = (byte) (id >>> 8);
                        q[1] = (byte) id;
                        id = (id + 1) & 0xFFFF;
                        if (!send(ch, q)) {
                            break; // the socket's send buffer is full: the rest of this pass waits
                        }
                        total.sent++;
                        second.sent++;
                    }
                }
                int read = 0;
                while (read < 4 * BATCH && receive(ch, in)) {
                    int rcode = in.get(3) & 0x0F;
                    total.add(rcode);
                    second.add(rcode);
                    read++;
                }
                if (now >= nextLine && now < end + 1_000_000) {
                    perSecond.accept(String.format(Locale.ROOT, "t=%.0fs %s", (now - t0) / 1e9, second));
                    second = new Counts();
                    nextLine += 1_000_000_000L;
                }
                if (now >= end && read == 0) {
                    if (total.replies() >= total.sent) {
                        break;
                    }
                    Thread.sleep(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return total;
    }

    private static boolean send(DatagramChannel ch, byte[] q) throws IOException {
        try {
            return ch.write(ByteBuffer.wrap(q)) > 0;
        } catch (PortUnreachableException e) {
            return true; // an ICMP error about an earlier query: this one was sent
        }
    }

    private static boolean receive(DatagramChannel ch, ByteBuffer in) throws IOException {
        in.clear();
        try {
            return ch.read(in) >= 4;
        } catch (PortUnreachableException e) {
            return false; // nothing listened for an earlier query: read again on the next pass
        }
    }
}
