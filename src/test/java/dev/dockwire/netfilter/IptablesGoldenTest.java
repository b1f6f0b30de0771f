package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestNet;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.IptablesCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The emulated kernel against the golden corpus of the real iptables-nft 1.8.9: good rule files
 * restored with counters list and save byte for byte as the real tools print them (iptables-save,
 * -S, -L in every layout), bad files fail with the real message, line number and status (and
 * {@code --test} accepts exactly what the real {@code --test} accepts), and a sequence of single
 * iptables commands prints and changes what the real one does.
 */
class IptablesGoldenTest {

    private static CommandResult run(IptablesCommand tool, String command, List<String> stdin) {
        List<String> w = Golden.words(command);
        return tool.run(w.get(0), w.subList(1, w.size()), stdin);
    }

    private static void check(Golden.Section s, CommandResult r, String where) {
        assertEquals(String.join("\n", Golden.undated(s.output())), String.join("\n", Golden.undated(r.output())),
                where + ": $ " + s.command());
        assertEquals(s.status(), r.status(), where + ": status of $ " + s.command());
    }

    private static IptablesCommand fresh(TestNet[] holder) {
        TestNet net = new TestNet(1);
        net.kernel.netnsAdd("g");
        holder[0] = net;
        return new IptablesCommand(net.kernel, "g");
    }

    @TestFactory
    Stream<DynamicTest> goodFilesListAndSaveLikeTheRealTools() {
        return Golden.files("good", ".rules").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            TestNet[] net = new TestNet[1];
            IptablesCommand tool = fresh(net);
            net[0].kernel.iptablesRestore("g", Golden.read(p), false, true);
            for (Golden.Section s : Golden.sections(golden(p))) {
                check(s, run(tool, s.command(), null), p.getFileName().toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> badFilesFailLikeTheRealIptablesRestore() {
        return Golden.files("bad", ".rules").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<String> stdin = List.of(Golden.read(p).split("\n"));
            for (Golden.Section s : Golden.sections(golden(p))) {
                TestNet[] net = new TestNet[1];
                IptablesCommand tool = fresh(net);
                check(s, run(tool, s.command(), stdin), p.getFileName().toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> singleCommandsBehaveLikeTheRealIptables() {
        TestNet[] net = new TestNet[1];
        IptablesCommand tool = fresh(net);
        net[0].kernel.iptablesRestore("g", Golden.read(Golden.DIR.resolve("commands.base")), false);
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Section s : Golden.sections(Golden.DIR.resolve("commands.golden"))) {
            tests.add(DynamicTest.dynamicTest(s.command(), () -> check(s, run(tool, s.command(), null), "commands")));
        }
        return tests.stream();
    }

    private static Path golden(Path rules) {
        String n = rules.getFileName().toString();
        return rules.resolveSibling(n.substring(0, n.length() - ".rules".length()) + ".golden");
    }
}
