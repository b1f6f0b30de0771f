package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.libc.Rlimit;
import dev.dockwire.libc.Rlimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --ulimit} as go-units ParseUlimit and the 28.2 client's opts.UlimitOpt take it (their words recorded from the client). */
class UlimitTest {
    private static String refusal(String value) {
        return assertThrows(IllegalArgumentException.class, () -> Ulimit.parse(value)).getMessage();
    }

    @Test
    void parsesSoftAndHard() {
        assertEquals(new Ulimit("nofile", 2048, 1024), Ulimit.parse("nofile=1024:2048"));
        assertEquals(new Ulimit("nofile", 100, 100), Ulimit.parse("nofile=100"));
        assertEquals(new Ulimit("core", -1, -1), Ulimit.parse("core=-1"));
        assertEquals(new Ulimit("core", -1, 5), Ulimit.parse("core=5:-1"));
    }

    @Test
    void refusesAsTheClient() {
        assertEquals("invalid ulimit argument: bad", refusal("bad"));
        assertEquals("invalid ulimit type: foo", refusal("foo=1"));
        assertEquals("invalid ulimit type: as", refusal("as=1"));
        assertEquals("strconv.ParseInt: parsing \"abc\": invalid syntax", refusal("nofile=abc"));
        assertEquals("strconv.ParseInt: parsing \"\": invalid syntax", refusal("nofile="));
        assertEquals("strconv.ParseInt: parsing \"99999999999999999999\": value out of range", refusal("nofile=99999999999999999999"));
        assertEquals("too many limit value arguments - 1:2:3, can only have up to two, `soft[:hard]`", refusal("nofile=1:2:3"));
        assertEquals("ulimit soft limit must be less than or equal to hard limit: 3 > 2", refusal("nofile=3:2"));
        assertEquals("ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 100",
                refusal("nofile=-1:100"));
    }

    @Test
    void oneANameSortedAndAppliedOverTheDefaults() {
        List<Ulimit> list = Ulimit.of(List.of("nofile=1024:2048", "core=-1", "nofile=5:6"));
        assertEquals(List.of(new Ulimit("core", -1, -1), new Ulimit("nofile", 6, 5)), list);
        Rlimits r = Ulimit.apply(Rlimits.CONTAINER, list);
        assertEquals(5, r.soft(Rlimit.NOFILE));
        assertEquals(6, r.hard(Rlimit.NOFILE));
        assertEquals(Rlimits.INFINITY, r.hard(Rlimit.CORE));
        assertEquals(Rlimits.CONTAINER.soft(Rlimit.STACK), r.soft(Rlimit.STACK));
    }
}
