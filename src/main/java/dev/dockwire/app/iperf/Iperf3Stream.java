package dev.dockwire.app.iperf;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Locale;

/**
 * One iperf3 data stream, sending or receiving, with iperf3's counters (struct
 * iperf_stream_result). TCP writes blocks of {@code len} bytes as fast as the socket takes them;
 * UDP sends datagrams that start with iperf3's header (seconds, microseconds, a 32-bit packet
 * count), paced to {@code -b}, and the receiver computes jitter as RFC 1889 does (iperf_udp.c) and
 * counts gaps in the packet count as lost.
 *
 * <p>Time is virtual and a link without a qdisc has no rate of its own: every write is charged to
 * the sender as CPU time at {@link #HOST_BITS_PER_SECOND}, so an unimpaired link reports that
 * modelled figure, while a netem or tbf rate below it reports the link's rate.
 */
final class Iperf3Stream {
    /** The sender's modelled copy rate: one virtual nanosecond per bit written. */
    static final long HOST_BITS_PER_SECOND = 1_000_000_000L;
    static final int UDP_HEADER = 12;
    /** UDP_CONNECT_MSG and UDP_CONNECT_REPLY: how a UDP stream is set up (iperf_udp.c). */
    static final int UDP_CONNECT_MSG = 0x36373839;
    static final int UDP_CONNECT_REPLY = 0x39383736;

    private final ProcessContext ctx;
    private final Iperf3Params params;
    private final Runnable done;
    private TcpSocket tcp;
    private UdpSocket udp;
    private ByteBuf block;
    private Timer next;
    private boolean waitingWritable;
    private boolean stopped;
    private int skip;
    long startNanos;
    long endNanos;
    long bytes;
    /** Sender: datagrams sent; receiver: datagrams received. */
    long packets;
    /** Receiver: the highest packet count seen (iperf3's packet_count), lost and out-of-order datagrams. */
    long packetCount;
    long lost;
    long outOfOrder;
    /** RFC 1889 interarrival jitter, in seconds. */
    double jitter;
    private double prevTransit;

    /** {@code done} runs once {@code -n} bytes have been sent, or received. */
    Iperf3Stream(ProcessContext ctx, Iperf3Params params, Runnable done) {
        this.ctx = ctx;
        this.params = params;
        this.done = done;
    }

    /** Sends {@code len}-byte writes on {@code s} until stopped or {@code -n} bytes are out. */
    void sendTcp(TcpSocket s) {
        tcp = s;
        block = Unpooled.buffer(params.len());
        for (int i = 0; i < params.len(); i++) {
            block.writeByte(ctx.random(256)); // iperf3 fills its buffer with random bytes once
        }
        s.onWritable(() -> {
            if (waitingWritable) {
                waitingWritable = false;
                pump();
            }
        });
        begin();
        pump();
    }

    /** Sends datagrams on the connected socket {@code s}, paced to {@code -b}. */
    void sendUdp(UdpSocket s) {
        udp = s;
        block = Unpooled.buffer(params.len()).writeZero(params.len());
        begin();
        pump();
    }

    /** Counts what arrives on {@code s} after the {@code skip} bytes of the data connection's cookie. */
    void receiveTcp(TcpSocket s, int skip) {
        tcp = s;
        this.skip = skip;
        s.onData(d -> {
            int n = d.readableBytes();
            int ignored = Math.min(this.skip, n);
            this.skip -= ignored;
            if (!stopped) {
                bytes += n - ignored;
                receivedAll();
            }
        });
        begin();
    }

    /** Counts datagrams on {@code s}, with jitter and loss from their headers. */
    void receiveUdp(UdpSocket s) {
        udp = s;
        s.onReceive((sock, src, port, d) -> datagram(d));
        begin();
    }

    /** Starts the clock (again: a receiver set up early starts when the test runs). */
    void begin() {
        startNanos = ctx.nanos();
    }

    private void pump() {
        next = null;
        if (stopped) {
            return;
        }
        long left = params.bytes() > 0 ? params.bytes() - bytes : Long.MAX_VALUE;
        if (left <= 0) {
            stop();
            done.run();
            return;
        }
        int n;
        if (tcp != null) {
            if (!block.isReadable()) {
                block.setIndex(0, (int) Math.min(params.len(), left));
            }
            n = tcp.write(block);
            if (n == 0) {
                waitingWritable = true;
                return;
            }
        } else {
            long micros = ctx.epochMillis() * 1000 + ctx.nanos() / 1000;
            block.setInt(0, (int) (micros / 1_000_000));
            block.setInt(4, (int) (micros % 1_000_000));
            block.setInt(8, (int) ++packets);
            udp.send(block);
            n = block.readableBytes();
        }
        bytes += n;
        long rate = params.rateBps() > 0 ? Math.min(params.rateBps(), HOST_BITS_PER_SECOND) : HOST_BITS_PER_SECOND;
        next = ctx.schedule(n * 8L * 1_000_000_000L / rate, this::pump);
    }

    private void datagram(ByteBuf d) {
        if (stopped || d.readableBytes() < UDP_HEADER) {
            return;
        }
        int at = d.readerIndex();
        long sentMicros = d.getUnsignedInt(at) * 1_000_000 + d.getUnsignedInt(at + 4);
        long pcount = d.getUnsignedInt(at + 8);
        bytes += d.readableBytes();
        packets++;
        double transit = (ctx.epochMillis() * 1000 + ctx.nanos() / 1000 - sentMicros) / 1e6;
        jitter += (Math.abs(transit - prevTransit) - jitter) / 16.0;
        prevTransit = transit;
        if (pcount >= packetCount + 1) {
            lost += pcount - 1 - packetCount;
            packetCount = pcount;
        } else {
            outOfOrder++;
            if (lost > 0) {
                lost--;
            }
        }
        receivedAll();
    }

    private void receivedAll() {
        if (params.bytes() > 0 && bytes >= params.bytes()) {
            stop();
            done.run();
        }
    }

    /** Ends the stream: no more sending, nothing more counted; its end time is now. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        endNanos = ctx.nanos();
        if (next != null) {
            next.cancel();
        }
        if (block != null) {
            block.release();
            block = null;
        }
    }

    /** Closes the stream's socket. */
    void close() {
        stop();
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.close();
        }
    }

    /** Sends the four-byte UDP_CONNECT_MSG or UDP_CONNECT_REPLY on a connected socket. */
    static void sendUdpWord(UdpSocket s, int word) {
        ByteBuf b = Unpooled.buffer(4).writeInt(word);
        s.send(b);
        b.release();
    }

    double seconds() {
        return ((stopped ? endNanos : ctx.nanos()) - startNanos) / 1e9;
    }

    /** This side's results as the EXCHANGE_RESULTS JSON (get_results/send_results in iperf_api.c). */
    String resultsJson(boolean sender) {
        return String.format(Locale.ROOT, "{\"cpu_util_total\":0,\"cpu_util_user\":0,\"cpu_util_system\":0,"
                        + "\"sender_has_retransmits\":%d,\"streams\":[{\"id\":1,\"bytes\":%d,\"retransmits\":-1,\"jitter\":%.9f,"
                        + "\"errors\":%d,\"omitted_errors\":0,\"packets\":%d,\"omitted_packets\":0,\"start_time\":0,\"end_time\":%.6f}]}",
                sender ? 0 : -1, bytes, jitter, lost, sender ? packets : packetCount, seconds());
    }
}
