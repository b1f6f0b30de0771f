package dev.dockwire.netfilter;

/**
 * Equal parts of rules shared between rules, namespaces and emulations: a rule's header match,
 * its match extensions and its target are immutable (only the {@link Rule} keeps counters), and
 * Docker writes the same rules into every container's namespace (libnetwork's
 * {@code resolver_unix.go}: {@code -d 127.0.0.11/32 -j DOCKER_OUTPUT}, {@code --dport 53},
 * {@code SNAT --to-source :53}), so 100,000 containers need one copy of each, not 100,000.
 * A direct-mapped cache keyed by the header's fields and the extensions' iptables-save text (and
 * class): a part seen before is answered by its first copy, a slot holds the newest part hashed
 * to it, so the cache never grows.
 * Entries are immutable records, so threads building other emulations may race on a slot safely.
 */
public final class RuleParts {
    private static final int BITS = 10;
    private static final int SLOTS = 1 << BITS;
    private static final Entry[] HEADERS = new Entry[SLOTS];
    private static final Entry[] MATCHES = new Entry[SLOTS];
    private static final Entry[] TARGETS = new Entry[SLOTS];

    private record Entry(String key, Object part) {
    }

    private RuleParts() {
    }

    /** An equal header match seen before, or {@code ip}. */
    public static IpHeaderMatch header(IpHeaderMatch ip) {
        int i = slot(ip.hashCode());
        Entry e = HEADERS[i];
        if (e != null && e.part.equals(ip)) {
            return (IpHeaderMatch) e.part;
        }
        HEADERS[i] = new Entry(null, ip);
        return ip;
    }

    /** An equal array of matches seen before (same extensions, same options), or {@code ms}. */
    public static Match[] matches(Match[] ms) {
        StringBuilder sb = new StringBuilder();
        for (Match m : ms) {
            sb.append(" -m ").append(m.name());
            m.save(sb);
        }
        String key = sb.toString();
        int i = slot(key.hashCode());
        Entry e = MATCHES[i];
        if (e != null && e.key.equals(key) && sameClasses((Match[]) e.part, ms)) {
            return (Match[]) e.part;
        }
        MATCHES[i] = new Entry(key, ms);
        return ms;
    }

    /** An equal target seen before, or {@code t} (null stays null). */
    public static Target target(Target t) {
        if (t == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(t.name());
        t.save(sb);
        String key = sb.toString();
        int i = slot(key.hashCode());
        Entry e = TARGETS[i];
        if (e != null && e.key.equals(key) && e.part.getClass() == t.getClass()) {
            return (Target) e.part;
        }
        TARGETS[i] = new Entry(key, t);
        return t;
    }

    private static boolean sameClasses(Match[] a, Match[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].getClass() != b[i].getClass()) {
                return false;
            }
        }
        return true;
    }

    private static int slot(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - BITS);
    }
}
