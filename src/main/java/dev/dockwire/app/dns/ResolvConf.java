package dev.dockwire.app.dns;

import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/** The parts of resolv.conf(5) a stub resolver uses: nameservers (at most 3), search domains, ndots, timeout, attempts. */
public record ResolvConf(List<Integer> nameservers, List<String> search, int ndots, int timeoutSeconds, int attempts) {

    public static ResolvConf parse(String text) {
        List<Integer> servers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        int ndots = 1;
        int timeout = 5;
        int attempts = 2;
        if (text != null) {
            for (String line : text.lines().toList()) {
                String[] w = line.trim().split("\\s+");
                if (w.length < 2 || w[0].startsWith("#") || w[0].startsWith(";")) {
                    continue;
                }
                switch (w[0]) {
                    case "nameserver" -> {
                        Integer a = Ipv4Address.tryParse(w[1]);
                        if (a != null && servers.size() < 3) {
                            servers.add(a);
                        }
                    }
                    case "search", "domain" -> {
                        search.clear();
                        for (int i = 1; i < w.length; i++) {
                            if (!w[i].equals(".")) {
                                search.add(w[i]);
                            }
                        }
                    }
                    case "options" -> {
                        for (int i = 1; i < w.length; i++) {
                            String o = w[i];
                            try {
                                if (o.startsWith("ndots:")) {
                                    ndots = Math.min(15, Integer.parseInt(o.substring(6)));
                                } else if (o.startsWith("timeout:")) {
                                    timeout = Math.max(1, Integer.parseInt(o.substring(8)));
                                } else if (o.startsWith("attempts:")) {
                                    attempts = Math.max(1, Integer.parseInt(o.substring(9)));
                                }
                            } catch (NumberFormatException e) {
                                // the C library ignores an option it cannot read
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (servers.isEmpty()) {
            servers.add(Ipv4Address.LOOPBACK.bits());
        }
        return new ResolvConf(List.copyOf(servers), List.copyOf(search), ndots, timeout, attempts);
    }
}
