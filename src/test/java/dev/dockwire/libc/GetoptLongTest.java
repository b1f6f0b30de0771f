package dev.dockwire.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getopt_long's scan as glibc and musl run it, option by option. */
class GetoptLongTest {
    private static final Map<String, String> LONGS = Map.of("quiet", "q", "output-document", "O:", "timeout", "T:",
            "tries", "t:", "spider", "spider");

    private static List<String> scan(Getopt words, String... args) {
        List<String> seen = new ArrayList<>();
        GetoptLong.Result r = new GetoptLong(words, "qSO:T:t:n::", LONGS).parse(List.of(args), (k, v) -> {
            seen.add(v == null ? k : k + "=" + v);
            return !k.equals("S");
        });
        seen.add("operands " + r.operands());
        seen.add("error " + r.error());
        return seen;
    }

    @Test
    void bundlesPermutationPrefixesAndOptionalArguments() {
        assertEquals(List.of("q", "O=-", "T=5", "spider", "q", "n=v", "n", "operands [http://a/, b, -c]", "error null"),
                scan(Getopt.GLIBC, "-qO-", "http://a/", "--time=5", "--spi", "--quiet", "-nv", "-n", "b", "--", "-c"));
        assertEquals(List.of("O=x", "operands []", "error null"), scan(Getopt.GLIBC, "--output-document", "x"));
        assertEquals(List.of("q", "S", "operands []", "error null"), scan(Getopt.GLIBC, "-qSq", "u"),
                "a handler's false stops the scan where it is");
    }

    @Test
    void errorsInEachLibrarysWords() {
        assertEquals(List.of("operands []", "error invalid option -- 'x'"), scan(Getopt.GLIBC, "-x"));
        assertEquals(List.of("operands []", "error unrecognized option: x"), scan(Getopt.MUSL, "-x"));
        assertEquals(List.of("operands []", "error option requires an argument -- 'O'"), scan(Getopt.GLIBC, "-O"));
        assertEquals(List.of("operands []", "error option '--t=1' is ambiguous; possibilities: '--timeout' '--tries'"),
                scan(Getopt.GLIBC, "--t=1"), "as wget prints it (whose table has more --t options)");
        assertEquals(List.of("operands []", "error option is ambiguous: t"), scan(Getopt.MUSL, "--t"));
        assertEquals(List.of("operands []", "error option '--quiet' doesn't allow an argument"), scan(Getopt.GLIBC, "--quiet=1"));
        assertEquals(List.of("operands []", "error option requires an argument: timeout"), scan(Getopt.MUSL, "--timeout"));
        assertEquals(List.of("operands []", "error unrecognized option '--bogus'"), scan(Getopt.GLIBC, "--bogus"));
    }
}
