package dev.dockwire.capture;

import dev.dockwire.testing.ExternalTools;
import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our files as tshark and tcpdump read them. Each test skips, saying why, when its tool is missing. */
class ExternalToolsTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int FIN = 0x01;
    private static final String[] CHECKSUMS = {
        "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
    };
    /** tshark's expert severity PI_ERROR (epan/proto.h). */
    private static final long PI_ERROR = 0x00800000;

    @TempDir
    Path dir;

    final Lab lab = new Lab();
    final TestFrames tf = new TestFrames();

    /** ARP, ping, UDP and a whole TCP connection between the two containers; returns who sent each frame. */
    private List<Boolean> conversation() {
        List<Boolean> fromC1 = new ArrayList<>();
        long[] t = {1_000_000};
        class Send {
            void at(boolean c1, ByteBuf frame) {
                fromC1.add(c1);
                lab.sendAt(t[0] += 1000, c1 ? lab.c1 : lab.c2, frame);
            }
        }
        Send send = new Send();
        send.at(true, tf.arpRequest(MAC1, IP1, IP2));
        send.at(false, tf.arpReply(MAC2, IP2, MAC1, IP1));
        send.at(true, tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56));
        send.at(false, tf.icmpEcho(false, MAC2, MAC1, IP2, IP1, 1, 1, 56));
        send.at(true, tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 21));
        long a = 1000;
        long b = 500_000;
        send.at(true, tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, a, 0, SYN, 64240, TestFrames.synOptions(1), 0));
        send.at(false, tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40001, b, a + 1, SYN | ACK, 65160, TestFrames.synOptions(2), 0));
        send.at(true, tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, a + 1, b + 1, ACK, 502, new byte[0], 0));
        send.at(true, tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, a + 1, b + 1, PSH | ACK, 502, new byte[0], 33));
        send.at(false, tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40001, b + 1, a + 34, ACK, 510, new byte[0], 0));
        send.at(true, tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, a + 34, b + 1, FIN | ACK, 502, new byte[0], 0));
        send.at(false, tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40001, b + 1, a + 35, FIN | ACK, 510, new byte[0], 0));
        send.at(true, tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, a + 35, b + 2, ACK, 502, new byte[0], 0));
        return fromC1;
    }

    @Test
    void tsharkFindsNoMalformedPacketsNoBadChecksumsAndOurInterfaces() throws Exception {
        ExternalTools.assumeTool("tshark");
        Path file = dir.resolve("any.pcapng");
        CaptureTap cap = Captures.any(CaptureFile.open(file), lab.loop,
                List.of(lab.c1, lab.c1.peer(), lab.c2.peer(), lab.c2), null);
        List<Boolean> fromC1 = conversation();
        lab.run();
        cap.close();
        tf.assertAllReleased();
        // Every frame crosses the four captured interfaces (the flooded ARP request reaches c2 only).
        List<String> hops = new ArrayList<>();
        for (boolean c1 : fromC1) {
            // pcapng epb_flags direction: 2 outbound, 1 inbound.
            hops.addAll(c1 ? List.of("eth0 2", "veth1a2b3c4 1", "veth5d6e7f8 2", "eth0 1")
                    : List.of("eth0 2", "veth5d6e7f8 1", "veth1a2b3c4 2", "eth0 1"));
        }
        assertEquals(hops.size(), cap.captured());

        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", file.toString()));
        cmd.addAll(List.of(CHECKSUMS));
        cmd.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,",
                "-e", "frame.interface_name", "-e", "frame.packet_flags_direction", "-e", "_ws.malformed",
                "-e", "_ws.expert.severity", "-e", "ip.checksum.status", "-e", "udp.checksum.status",
                "-e", "tcp.checksum.status", "-e", "icmp.checksum.status"));
        List<String> lines = ExternalTools.run(cmd.toArray(String[]::new));
        List<String> seen = new ArrayList<>();
        int checksummed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            String where = "frame " + (i + 1) + ": " + lines.get(i);
            seen.add(f[0] + " " + Long.decode(f[1]));
            assertEquals("", f[2], "malformed: " + where);
            for (String sev : f[3].isEmpty() ? new String[0] : f[3].split(",")) {
                assertTrue(Long.decode(sev) < PI_ERROR, "expert error: " + where);
            }
            for (int c = 4; c < 8; c++) {
                for (String status : f[c].isEmpty() ? new String[0] : f[c].split(",")) {
                    assertEquals("1", status, "checksum status (1 = good) " + where);
                    checksummed++;
                }
            }
        }
        assertEquals(hops, seen, "interface names and directions");
        // IPv4 plus ICMP/UDP/TCP on the 11 IP frames, at each of 4 hops.
        assertEquals(4 * 11 * 2, checksummed);

        List<String> expert = ExternalTools.run("tshark", "-r", file.toString(), CHECKSUMS[0], CHECKSUMS[1], CHECKSUMS[2],
                CHECKSUMS[3], CHECKSUMS[4], CHECKSUMS[5], "-q", "-z", "expert");
        assertFalse(expert.stream().anyMatch(l -> l.startsWith("Errors")), String.join("\n", expert));
        assertFalse(expert.stream().anyMatch(l -> l.contains("Malformed") || l.contains("hecksum")),
                String.join("\n", expert));
    }

    @Test
    void tcpdumpReadsClassicPcapWithNanosecondTimestamps() throws Exception {
        ExternalTools.assumeTool("tcpdump");
        Path file = dir.resolve("br.pcap");
        CaptureTap cap = Captures.bridge(CaptureFile.open(file), lab.loop, lab.bridge, null);
        List<String> want = new ArrayList<>();
        long[] at = {1_000_000_001L, 1_000_000_002L, 2_500_000_000L};
        ByteBuf[] frames = {
            tf.arpRequest(MAC1, IP1, IP2),
            tf.arpReply(MAC2, IP2, MAC1, IP1),
            tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56),
        };
        for (int i = 0; i < frames.length; i++) {
            long ts = CaptureFile.DEFAULT_EPOCH_NANOS + at[i];
            want.add(String.format("%d.%09d %s", ts / 1_000_000_000L, ts % 1_000_000_000L,
                    FrameDecoder.decode(frames[i])));
            lab.sendAt(at[i], i == 1 ? lab.c2 : lab.c1, frames[i]);
        }
        lab.run();
        cap.close();
        tf.assertAllReleased();
        assertEquals(List.of(
                "1735689601.000000001 ARP, Request who-has 172.18.0.3 tell 172.18.0.2, length 28",
                "1735689601.000000002 ARP, Reply 172.18.0.3 is-at 02:42:ac:12:00:03, length 28",
                "1735689602.500000000 IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 1, length 64"), want);
        assertEquals(want, ExternalTools.run("tcpdump", "-r", file.toString(), "-n", "-tt", "--time-stamp-precision=nano"));
    }

    /** FrameDecoder against tcpdump itself on the decoder corpus. */
    @Test
    void frameDecoderMatchesTcpdump() throws Exception {
        ExternalTools.assumeTool("tcpdump");
        Path file = dir.resolve("corpus.pcap");
        List<DecoderCorpus.Entry> corpus = DecoderCorpus.build(tf);
        try (CaptureFile f = CaptureFile.open(file)) {
            f.addInterface("corpus");
            for (int i = 0; i < corpus.size(); i++) {
                f.write(0, i, corpus.get(i).frame());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String l : ExternalTools.run("tcpdump", "-r", file.toString(), "-n", "-t", "-S")) {
            if (!l.startsWith("\t")) { // hex dump of frames tcpdump cannot decode
                lines.add(l.endsWith(": ") ? l.substring(0, l.length() - 2) : l);
            }
        }
        assertEquals(corpus.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.get(i).tcpdumpLine() != null) {
                assertEquals(corpus.get(i).tcpdumpLine(), lines.get(i), "frame " + i);
            }
        }
        DecoderCorpus.release(corpus);
        tf.assertAllReleased();
    }
}
