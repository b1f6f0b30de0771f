package dev.dockwire.netfilter;

/**
 * Equal parts of rules shared between rules, namespaces and emulations: a rule's header match,
 * its match extensions and its target are immutable (only the {@link Rule} keeps counters), and
 * Docker writes the same rules into every container's namespace (libnetwork's
 * {@code resolver_unix.go}: {@code -d 127.0.0.11/32 -j DOCKER_OUTPUT}, {@code --dport 53},
 * {@code SNAT --to-source :53}), so 100,000 containers need one copy of each, not 100,000.
 * A direct-mapped cache keyed by the part's iptables-save text: a part seen before is answered
 * by its first copy, a slot holds the newest part hashed to it, so the cache never grows.
 * Entries are immutable records, so threads building other emulations may race on a slot safely.
 */
public final class RuleParts {
    private static final int SLOTS = 1 << 10;
    private static final Entry[] HEADERS = new Entry[SLOTS];
    private static final Entry[] MATCHES = new Entry[SLOTS];
    private static final Entry[] TARGETS = new Entry[SLOTS];

    private record Entry(String key, Object part) {
    }

    private RuleParts() {
    }

    /** An equal header match seen before, or {@code ip}. */
    public static IpHeaderMatch header(IpHeaderMatch ip) {
        StringBuilder sb = new StringBuilder();
        ip.save(sb);
        return (IpHeaderMatch) share(HEADERS, sb.toString(), ip);
    }

    /** An equal array of matches seen before (same extensions, same options), or {@code ms}. */
    public static Match[] matches(Match[] ms) {
        StringBuilder sb = new StringBuilder();
        for (Match m : ms) {
            sb.append(" -m ").append(m.getClass().getName()).append(' ').append(m.name());
            m.save(sb);
        }
        return (Match[]) share(MATCHES, sb.toString(), ms);
    }

    /** An equal target seen before, or {@code t} (null stays null). */
    public static Target target(Target t) {
        if (t == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(t.getClass().getName()).append(' ').append(t.name());
        t.save(sb);
        return (Target) share(TARGETS, sb.toString(), t);
    }

    private static Object share(Entry[] slots, String key, Object part) {
        int i = (key.hashCode() * 0x9E3779B9 >>> 22) & (SLOTS - 1);
        Entry e = slots[i];
        if (e != null && e.key.equals(key)) {
            return e.part;
        }
        slots[i] = new Entry(key, part);
        return part;
    }
}
