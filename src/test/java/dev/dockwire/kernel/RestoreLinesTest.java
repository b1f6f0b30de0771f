package dev.dockwire.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** iptables commands folded into one iptables-restore input, or left alone when they cannot be. */
class RestoreLinesTest {
    @Test
    void addingCommandsBecomeOneBlockPerRunOfATable() {
        String text = RestoreLines.of(List.of(
                List.of("-t", "nat", "-N", "DOCKER_OUTPUT"),
                List.of("-t", "nat", "-I", "OUTPUT", "-d", "127.0.0.11", "-j", "DOCKER_OUTPUT"),
                List.of("-A", "FORWARD", "-j", "DROP"),
                List.of("--table", "nat", "-I", "DOCKER_OUTPUT", "-d", "127.0.0.11", "-p", "udp", "--dport", "53",
                        "-j", "DNAT", "--to-destination", "127.0.0.11:40000")));
        assertEquals("""
                *nat
                -N DOCKER_OUTPUT
                -I OUTPUT -d 127.0.0.11 -j DOCKER_OUTPUT
                COMMIT
                *filter
                -A FORWARD -j DROP
                COMMIT
                *nat
                -I DOCKER_OUTPUT -d 127.0.0.11 -p udp --dport 53 -j DNAT --to-destination 127.0.0.11:40000
                COMMIT
                """, text);
    }

    @Test
    void listingsDeletesAndQuotedWordsAreNotFolded() {
        assertNull(RestoreLines.of(List.of(List.of("-t", "nat", "-S"))));
        assertNull(RestoreLines.of(List.of(List.of("-t", "nat", "-N", "X"), List.of("-t", "nat", "-D", "OUTPUT", "-j", "X"))));
        assertNull(RestoreLines.of(List.of(List.of("-A", "INPUT", "-m", "comment", "--comment", "two words", "-j", "ACCEPT"))));
        assertNull(RestoreLines.of(List.of(List.of("-t", "nat"))));
        assertNull(RestoreLines.of(List.of()));
    }
}
