package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A capture filter in tcpdump's expression language (pcap-filter(7)): {@code tcp port 80},
 * {@code icmp}, {@code host 172.18.0.3}, {@code arp}, {@code udp and not port 53}. libpcap
 * compiles it to BPF for Ethernet ({@code pcap_compile} on a dead handle, optimised, netmask
 * unknown) and libpcap's {@code bpf_filter} runs it on each frame, as the kernel's socket filter
 * would under tcpdump.
 *
 * <p>Per frame, the readable bytes are copied into a reused scratch array and passed with their
 * length ({@link BpfProgram#applyFilter(byte[], int, int)}), so there is no Java allocation per
 * frame (AllocationTest measures it). pcap4j maps {@code bpf_filter} directly through JNA, which
 * hands the whole array to native code and may copy all of it, so scratch arrays come in
 * power-of-two sizes from 2 KiB and a frame uses the smallest that fits. Not thread-safe. Owns
 * native memory: {@link #close()} frees it.
 */
public final class PacketFilter implements AutoCloseable {
    /** Matches every frame without running BPF (what tcpdump does with no expression). */
    public static final PacketFilter ALL = new PacketFilter("", null, 0);

    private static final int MIN_SCRATCH_BITS = 11; // 2 KiB: any frame up to a 1500-byte MTU

    private final String expression;
    private final BpfProgram program;
    private final int snaplen;
    private final byte[][] scratch = new byte[32][];

    private PacketFilter(String expression, BpfProgram program, int snaplen) {
        this.expression = expression;
        this.program = program;
        this.snaplen = snaplen;
    }

    /** Compiles {@code expression} with the default snaplen; null or blank gives {@link #ALL}. */
    public static PacketFilter compile(String expression) {
        return compile(expression, CaptureFile.DEFAULT_SNAPLEN);
    }

    /**
     * Compiles {@code expression} for Ethernet frames of at most {@code snaplen} bytes.
     *
     * @throws IllegalArgumentException naming the expression and libpcap's message when it does not compile
     * @throws IllegalStateException    when libpcap cannot be loaded
     */
    public static PacketFilter compile(String expression, int snaplen) {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        PcapHandle dead;
        try {
            dead = Pcaps.openDead(DataLinkType.EN10MB, snaplen);
        } catch (PcapNativeException | LinkageError e) {
            throw new IllegalStateException("capture filters need libpcap (Debian/Ubuntu package libpcap0.8): "
                    + e.getMessage(), e);
        }
        try {
            BpfProgram program = dead.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE,
                    PcapHandle.PCAP_NETMASK_UNKNOWN);
            return new PacketFilter(expression, program, snaplen);
        } catch (PcapNativeException e) {
            throw new IllegalArgumentException("invalid capture filter \"" + expression + "\": " + e.getMessage(), e);
        } catch (org.pcap4j.core.NotOpenException e) {
            throw new IllegalStateException("libpcap handle closed while compiling \"" + expression + "\"", e);
        } finally {
            dead.close();
        }
    }

    /** The expression as given; empty for {@link #ALL}. */
    public String expression() {
        return expression;
    }

    public boolean matchesAll() {
        return program == null;
    }

    /** Whether the frame's readable bytes pass the filter; the frame is not changed. */
    public boolean matches(ByteBuf frame) {
        if (program == null) {
            return true;
        }
        int len = frame.readableBytes();
        int caplen = Math.min(len, snaplen);
        byte[] s = scratchFor(caplen);
        frame.getBytes(frame.readerIndex(), s, 0, caplen);
        // bpf_filter(pc, p, wirelen, buflen): loads beyond buflen reject the frame, as in the kernel.
        return program.applyFilter(s, len, caplen);
    }

    private byte[] scratchFor(int len) {
        int bits = Math.max(MIN_SCRATCH_BITS, 32 - Integer.numberOfLeadingZeros(Math.max(1, len - 1)));
        byte[] s = scratch[bits];
        if (s == null) {
            s = new byte[1 << bits];
            scratch[bits] = s;
        }
        return s;
    }

    /** Frees the BPF program; afterwards the filter rejects everything. Idempotent; no-op for {@link #ALL}. */
    @Override
    public void close() {
        if (program != null && !program.isFreed()) {
            program.free();
        }
    }

    @Override
    public String toString() {
        return program == null ? "(all)" : expression;
    }
}
