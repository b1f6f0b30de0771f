package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TCP length prefix (RFC 1035 section 4.2.2) and UDP truncation. */
class DnsStreamTest {

    @Test
    void aFramedQueryIsItsLengthInTwoBytesThenTheMessage() {
        byte[] framed = DnsStream.frame(DnsMessage.query(0x1234, "web", DnsType.A, DnsHeader.FLAG_RD, null));
        assertEquals("0015" + "1234" + "0100" + "0001" + "0000" + "0000" + "0000" + "0377656200" + "0001" + "0001",
                ByteBufUtil.hexDump(framed));
    }

    @Test
    void aMessageBeyondSixtyFourKilobytesCannotBeFramed() {
        List<DnsRecord> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(DnsRecord.a("n" + i + ".example", 1, Ipv4Address.of(i)));
        }
        DnsMessage q = DnsMessage.query(1, "x", DnsType.A, 0, null);
        DnsMessage huge = q.reply(0, 0, many, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> DnsStream.frame(huge));
    }

    @Test
    void udpAnswersAreCutToTheClientsSizeWithTc() {
        List<DnsRecord> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(DnsRecord.a("big", 600, Ipv4Address.of(0x0A000000 + i)));
        }
        DnsMessage plain = DnsMessage.query(7, "big", DnsType.A, DnsHeader.FLAG_RD, null);
        DnsMessage r = DnsUdp.fit(plain, DnsHeader.FLAG_RA, 0, answers, DnsUdp.limit(plain));
        // 12 header + 8 question + 16 per compressed A record <= 512: 30 records
        assertEquals(30, r.answers().size());
        assertEquals(true, r.truncated());
        DnsMessage whole = DnsUdp.fit(plain, DnsHeader.FLAG_RA, 0, answers, DnsStream.MAX_MESSAGE);
        assertEquals(40, whole.answers().size());
        assertEquals(false, whole.truncated());
        DnsMessage edns = DnsMessage.query(7, "big", DnsType.A, DnsHeader.FLAG_RD, dev.dockwire.wire.Edns.of(1232));
        assertEquals(1232, DnsUdp.limit(edns));
    }
}
