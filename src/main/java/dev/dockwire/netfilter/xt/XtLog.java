package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtContext;
import dev.dockwire.netfilter.XtFormat;

/**
 * xt_LOG: writes a line about the packet to the namespace's kernel log (nf_log_syslog's format,
 * {@code PREFIX IN=.. OUT=.. SRC=.. DST=.. LEN=.. ... PROTO=..}) and goes on with the next rule.
 */
final class XtLog implements Target {
    static final int TCPSEQ = 0x01;
    static final int TCPOPT = 0x02;
    static final int IPOPT = 0x04;
    static final int UID = 0x08;
    static final int MACDECODE = 0x20;
    private static final String[] LEVELS = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};

    final String prefix;
    private final int level;
    private final int flags;

    XtLog(String prefix, int level, int flags) {
        this.prefix = prefix;
        this.level = level;
        this.flags = flags;
    }

    @Override
    public String name() {
        return "LOG";
    }

    @Override
    public int target(NfPacket p, XtContext ctx) {
        ctx.log(NfLogFormat.format(prefix, p));
        return Verdict.CONTINUE;
    }

    @Override
    public void save(StringBuilder sb) {
        if (!prefix.isEmpty()) {
            sb.append(" --log-prefix");
            XtFormat.saveString(sb, prefix);
        }
        if (level != 4) {
            sb.append(" --log-level ").append(level);
        }
        if ((flags & TCPSEQ) != 0) {
            sb.append(" --log-tcp-sequence");
        }
        if ((flags & TCPOPT) != 0) {
            sb.append(" --log-tcp-options");
        }
        if ((flags & IPOPT) != 0) {
            sb.append(" --log-ip-options");
        }
        if ((flags & UID) != 0) {
            sb.append(" --log-uid");
        }
        if ((flags & MACDECODE) != 0) {
            sb.append(" --log-macdecode");
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" LOG");
        if (numeric) {
            sb.append(" flags ").append(flags).append(" level ").append(level);
        } else {
            sb.append(" level ").append(LEVELS[level]);
            if ((flags & TCPSEQ) != 0) {
                sb.append(" tcp-sequence");
            }
            if ((flags & TCPOPT) != 0) {
                sb.append(" tcp-options");
            }
            if ((flags & IPOPT) != 0) {
                sb.append(" ip-options");
            }
            if ((flags & UID) != 0) {
                sb.append(" uid");
            }
            if ((flags & MACDECODE) != 0) {
                sb.append(" macdecode");
            }
        }
        if (!prefix.isEmpty()) {
            sb.append(" prefix \"").append(prefix).append('"');
        }
    }

    /** The LOG options. */
    static final class Parser extends Extension<Target> {
        private String prefix = "";
        private int level = 4;
        private int flags;

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            switch (option) {
                case "--log-prefix" -> {
                    String v = args.required(option);
                    if (v.contains("\n")) {
                        throw XtablesException.param("Newlines not allowed in --log-prefix");
                    }
                    prefix = v.length() > 29 ? v.substring(0, 29) : v; // struct xt_log_info's prefix[30]
                }
                case "--log-level" -> level = level(args.required(option));
                case "--log-tcp-sequence" -> flags |= TCPSEQ;
                case "--log-tcp-options" -> flags |= TCPOPT;
                case "--log-ip-options" -> flags |= IPOPT;
                case "--log-uid" -> flags |= UID;
                case "--log-macdecode" -> flags |= MACDECODE;
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static int level(String v) {
            if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
                return v.charAt(0) - '0';
            }
            for (int i = 0; i < LEVELS.length; i++) {
                if (LEVELS[i].equalsIgnoreCase(v)) {
                    return i;
                }
            }
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "panic" -> 0;
                case "err" -> 3;
                case "warn" -> 4;
                default -> throw XtablesException.param("log level \"" + v + "\" unknown\n");
            };
        }

        @Override
        public Target build(RuleDraft rule) {
            return new XtLog(prefix, level, flags);
        }
    }
}
