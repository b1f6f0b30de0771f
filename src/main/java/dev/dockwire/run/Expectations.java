package dev.dockwire.run;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A step's {@code # expect:} lines checked against what its command did, and said back as words. */
final class Expectations {
    private Expectations() {
    }

    /** What {@code r} failed of {@code expect}, one sentence each; empty when it did all. */
    static List<String> failures(Session.Expect expect, CommandResult r) {
        List<String> failures = new ArrayList<>();
        if (expect.status() != null && expect.status() != r.status()) {
            failures.add("expected exit status " + expect.status() + ", got " + r.status());
        } else if (expect.status() == null && !expect.anyStatus() && r.status() != 0) {
            failures.add("exited with status " + r.status() + " (add '# expect: status " + r.status()
                    + "' if that is intended)");
        }
        String all = String.join("\n", r.output());
        for (String want : expect.contains()) {
            if (!all.contains(want)) {
                failures.add("expected output to contain \"" + want + "\"");
            }
        }
        for (String unwanted : expect.notContains()) {
            if (all.contains(unwanted)) {
                failures.add("expected output not to contain \"" + unwanted + "\"");
            }
        }
        for (String regex : expect.matches()) {
            if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(all).find()) {
                failures.add("expected output to match /" + regex + "/");
            }
        }
        return failures;
    }

    /** The expectations as words: {@code status 0}, {@code contains TEXT}, ... */
    static List<String> describe(Session.Expect e) {
        List<String> d = new ArrayList<>();
        if (e.status() != null) {
            d.add("status " + e.status());
        } else if (!e.anyStatus()) {
            d.add("status 0");
        }
        e.contains().forEach(c -> d.add("contains " + c));
        e.notContains().forEach(c -> d.add("not-contains " + c));
        e.matches().forEach(c -> d.add("matches " + c));
        return d;
    }
}
