package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.Target;

/**
 * The command-line side of a match or target extension (libxt_*.so): options are offered to it
 * one by one after {@code -m NAME} or {@code -j NAME}; {@link #build} is the final check
 * (x6_fcheck) that returns the extension's data.
 *
 * @param <T> {@link Match} or {@link Target}
 */
public abstract class Extension<T> {
    /** Handles {@code option} (inverted by a preceding {@code !}); false when it is not one of ours. */
    public abstract boolean parse(String option, boolean invert, Args args, RuleDraft rule);

    /** The final check; throws a parameter problem for what is missing or inconsistent. */
    public abstract T build(RuleDraft rule);

    /** "Only one `--x' allowed"-style check for options given twice. */
    static void once(boolean seen, String message) {
        if (seen) {
            throw XtablesException.param(message);
        }
    }

    /** A port number or service name (xtables_parse_port). */
    static int port(String text, String proto) {
        int p = Services.port(text, proto);
        if (p < 0) {
            throw XtablesException.param("invalid port/service `" + text + "' specified");
        }
        return p;
    }

    static void noInvert(boolean invert, String option) {
        if (invert) {
            throw XtablesException.param("unexpected `!' flag before " + option);
        }
    }
}
