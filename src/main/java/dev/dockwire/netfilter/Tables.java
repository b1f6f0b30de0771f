package dev.dockwire.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The iptables tables of one namespace ({@code net->ipv4.iptable_*}): a table exists once a
 * restore or command created it, as nft tables do. Changes go through a {@link XtTransaction} per
 * table; {@link #onCommit} tells the owner to re-register its hooks.
 */
public final class Tables {
    private final Table[] tables = new Table[Table.Kind.values().length];
    private Runnable onCommit = () -> { };

    /** The table, or null while it does not exist. */
    public Table table(Table.Kind kind) {
        return tables[kind.ordinal()];
    }

    public Table table(String name) {
        Table.Kind k = Table.Kind.byName(name);
        return k == null ? null : tables[k.ordinal()];
    }

    /** Existing tables in iptables-save order (mangle, raw, filter, nat). */
    public List<Table> tables() {
        List<Table> list = new ArrayList<>();
        for (Table t : tables) {
            if (t != null) {
                list.add(t);
            }
        }
        return list;
    }

    /** The tables an iptables-save text ({@code -c} or not) describes, for rendering listings. */
    public static Tables parse(String saveText) {
        Tables t = new Tables();
        IptablesRestore.run(t, saveText, false, true);
        return t;
    }

    void onCommit(Runnable r) {
        this.onCommit = r;
    }

    /**
     * A transaction on table {@code name}: on a copy of it, or on a fresh one when {@code flush}
     * (iptables-restore without --noflush) or when it does not exist yet.
     */
    XtTransaction begin(String name, boolean flush) {
        Table.Kind k = Table.Kind.byName(name);
        if (k == null) {
            throw new XtablesException(XtablesException.Kind.VERSION,
                    "table '" + name + "' does not exist\nPerhaps iptables or your kernel needs to be upgraded.");
        }
        Table cur = tables[k.ordinal()];
        return new XtTransaction(this, flush || cur == null ? new Table(k) : cur.copy());
    }

    void install(Table t) {
        tables[t.kind.ordinal()] = t;
        onCommit.run();
    }
}
