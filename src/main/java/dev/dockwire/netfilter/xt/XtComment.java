package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.XtFormat;

/** xt_comment: {@code -m comment --comment TEXT}, matching everything. */
final class XtComment implements Match {
    private final String text;

    XtComment(String text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public boolean flowInvariant() {
        return true;
    }

    @Override
    public boolean matches(NfPacket p) {
        return true;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --comment");
        XtFormat.saveString(sb, text);
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" /* ").append(text).append(" */");
    }

    /** {@code --comment}. */
    static final class Parser extends Extension<Match> {
        private String text;

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            if (!option.equals("--comment")) {
                return false;
            }
            noInvert(invert, "--comment");
            String t = args.required(option);
            if (t.length() > 255) {
                throw XtablesException.param("comment: option \"--comment\" must not be longer than 256 characters");
            }
            text = t;
            return true;
        }

        @Override
        public Match build(RuleDraft rule) {
            if (text == null) {
                throw XtablesException.param("comment: option \"--comment\" must be specified\n");
            }
            return new XtComment(text);
        }
    }
}
