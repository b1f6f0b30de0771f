package dev.dockwire.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The iptables tables of one namespace ({@code net->ipv4.iptable_*}): a table exists once a
 * restore or command created it, as nft tables do. Changes go through an iptables transaction per
 * table, which {@link #install}s the new table; {@link #onCommit} tells the owner to re-register its hooks.
 */
public final class Tables {
    /** One field per {@link Table.Kind}, not an array of them: 24 bytes less of every namespace. */
    private Table mangle;
    private Table raw;
    private Table filter;
    private Table nat;
    private Runnable onCommit = () -> { };

    /** The table, or null while it does not exist. */
    public Table table(Table.Kind kind) {
        return switch (kind) {
            case MANGLE -> mangle;
            case RAW -> raw;
            case FILTER -> filter;
            case NAT -> nat;
        };
    }

    public Table table(String name) {
        Table.Kind k = Table.Kind.byName(name);
        return k == null ? null : table(k);
    }

    /** Existing tables in iptables-save order (mangle, raw, filter, nat). */
    public List<Table> tables() {
        List<Table> list = new ArrayList<>();
        for (Table t : new Table[] {mangle, raw, filter, nat}) {
            if (t != null) {
                list.add(t);
            }
        }
        return list;
    }

    /** Sets the owner's callback after every commit (netfilter re-registers its hooks). */
    public void onCommit(Runnable r) {
        this.onCommit = r;
    }

    /** Installs a committed table (xt_replace_table) and tells the owner. */
    public void install(Table t) {
        t.assignHandles();
        t.shareUnused();
        switch (t.kind) {
            case MANGLE -> mangle = t;
            case RAW -> raw = t;
            case FILTER -> filter = t;
            case NAT -> nat = t;
        }
        onCommit.run();
    }
}
