package dev.dockwire.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inputs the text tools' tests pipe in: what `docker ps`, `iptables -L -n -v` and `ip -o -4 addr` print. */
final class TextFixtures {
    static final String PS = """
            CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS                  NAMES
            3f2a9c1d7e4b   nginx:alpine   "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp   web
            9b8c7d6e5f4a   alpine         "sleep 3600"             2 minutes ago   Up 2 minutes                          client
            1a2b3c4d5e6f   redis:7        "docker-entrypoint.s…"   3 minutes ago   Up 3 minutes   6379/tcp               cache
            """;
    static final String NAT = """
            Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
             pkts bytes target     prot opt in     out     source               destination
                3   180 DOCKER     all  --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL

            Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
             pkts bytes target     prot opt in     out     source               destination
                0     0 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0
                0     0 MASQUERADE  all  --  *      !br-1a2b3c  172.18.0.0/16        0.0.0.0/0

            Chain DOCKER (2 references)
             pkts bytes target     prot opt in     out     source               destination
                0     0 RETURN     all  --  docker0 *       0.0.0.0/0            0.0.0.0/0
                1    60 DNAT       tcp  --  !br-1a2b3c *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.18.0.2:80
            """;
    static final String ADDR = """
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever
            3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever
            7: br-1a2b3c    inet 172.18.0.1/16 brd 172.18.255.255 scope global br-1a2b3c\\       valid_lft forever preferred_lft forever
            """;
    static final String WORDS = """
            banana 3
            apple 10
            cherry 7
            apple 2
            banana 3
            Date:  Mon   Jan  5

            last line, with commas: and colons
            """;

    /** Records ended by NULs ({@code find -print0}'s), one with a newline inside, the last with a newline and no NUL. */
    static final String NULS = "b 2\0a x\0c\nd\0a 10\0e\n";

    static final Map<String, String> INPUTS = Map.of("ps", PS, "nat", NAT, "addr", ADDR, "words", WORDS, "nuls", NULS, "none", "");

    private TextFixtures() {
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** A context over an in-memory file view, GNU texts in a UTF-8 locale, and a runner that knows {@code echo} (xargs' default). */
    static TextContext context(Map<String, String> files) {
        TextFiles view = new TextFiles() {
            @Override
            public String read(String path) {
                return files.get(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                files.merge(path, content, (old, add) -> append ? old + add : add);
                return true;
            }
        };
        return new TextContext(view, Flavour.GNU, (argv, stdin) -> {
            if (argv.get(0).equals("echo")) {
                return TextResult.ok(List.of(String.join(" ", argv.subList(1, argv.size()))));
            }
            TextTool t = TextTools.find(argv.get(0));
            return t == null ? TextResult.fail(127, "xargs: " + argv.get(0) + ": No such file or directory")
                    : t.run(argv.subList(1, argv.size()), stdin, context(files));
        }, Pipe.open(), true); // LC_ALL=C.UTF-8, as the differential tests run the real tools
    }

    static TextResult run(String input, String... argv) {
        TextTool t = TextTools.find(argv[0]);
        List<String> args = new ArrayList<>(List.of(argv).subList(1, argv.length));
        return t.run(args, lines(INPUTS.getOrDefault(input, input)), context(new HashMap<>()));
    }
}
