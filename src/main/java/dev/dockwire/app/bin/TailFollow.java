package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.text.Flavour;
import dev.dockwire.text.TailOptions;
import dev.dockwire.text.TextContext;
import dev.dockwire.text.TextFiles;
import dev.dockwire.text.TextResult;
import dev.dockwire.text.TextTools;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tail -f FILE...}, the keep-alive of {@code docker run -d IMG tail -f /dev/null} and of compose's
 * {@code sh -c '... && tail -f /dev/null'}: what {@code tail} without {@code -f} prints (the text tool,
 * BusyBox's or coreutils' by flavour), then every {@code -s} seconds (1) what was appended to each file,
 * until a signal ends it, as BusyBox's coreutils/tail.c follow loop sleeps and reads (a file that shrank is
 * read again from its start, as its tail_read rewinds; a header {@code ==> F <==} when another of several
 * files grew). Lines are printed whole: a last line without its newline waits for it. When none of its files
 * opens it ends with status 1 ({@code no files}), unless {@code -F} waits for them.
 */
public final class TailFollow implements Program {
    private final Flavour flavour;

    public TailFollow(Flavour flavour) {
        this.flavour = flavour;
    }

    /** The tail {@code provider}'s package has: BusyBox's ({@code busybox}, {@code alpine}) or coreutils'. */
    public static TailFollow of(String provider) {
        return new TailFollow("busybox".equals(provider) || "alpine".equals(provider) ? Flavour.BUSYBOX : Flavour.GNU);
    }

    /** Whether {@code argv} is {@code tail} following its files ({@code -f}, {@code -F}, {@code --follow}). */
    public static boolean follows(List<String> argv) {
        return !argv.isEmpty() && argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("tail")
                && TailOptions.follows(argv.subList(1, argv.size()));
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        List<String> once = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long periodNanos = 1_000_000_000L;
        boolean retry = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--follow") || a.startsWith("--follow=")) {
                continue;
            }
            if (a.equals("-s") && i + 1 < args.size() || a.startsWith("-s") && a.length() > 2) {
                String v = a.length() > 2 ? a.substring(2) : args.get(++i);
                Double s = Sleep.seconds(v);
                periodNanos = s == null || s.isInfinite() ? periodNanos : Math.max(1, (long) (s * 1e9));
                continue;
            }
            if (TailOptions.followLetters(a) > 0) {
                retry |= a.indexOf('F') > 0; // -F: --follow=name --retry, a missing file is waited for
                a = TailOptions.withoutFollow(a);
                if (a == null) {
                    continue;
                }
            }
            once.add(a);
            if (a.equals("-n") || a.equals("-c")) {
                once.add(++i < args.size() ? args.get(i) : "");
            } else if (!a.startsWith("-") || a.equals("-")) {
                files.add(a);
            }
        }
        TextFiles view = new TextFiles() {
            @Override
            public String read(String path) {
                return path.equals("/dev/null") ? "" : ctx.readFile(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return false;
            }
        };
        TextResult r = TextTools.find("tail").run(once, List.of(), new TextContext(view, flavour, null));
        int e = 0;
        for (String line : r.output()) {
            if (e < r.errors().size() && r.errors().get(e).equals(line)) {
                ctx.err(line);
                e++;
            } else {
                ctx.out(line);
            }
        }
        if (!retry && !files.isEmpty() && files.stream().allMatch(f -> view.read(f) == null)) {
            // nothing could be opened to follow: coreutils says "no files remaining" (BusyBox's "no files" is its tail's own)
            if (flavour == Flavour.GNU) {
                ctx.err("tail: no files remaining");
            }
            ctx.exit(1);
            return;
        }
        new Follower(ctx, view, files, periodNanos).schedule();
    }

    /** The files' lengths read so far, polled every period. */
    private static final class Follower {
        private final ProcessContext ctx;
        private final TextFiles view;
        private final List<String> files;
        private final long periodNanos;
        private final int[] read;
        private final StringBuilder[] partial;
        private int lastPrinted;

        Follower(ProcessContext ctx, TextFiles view, List<String> files, long periodNanos) {
            this.ctx = ctx;
            this.view = view;
            this.files = files;
            this.periodNanos = periodNanos;
            this.read = new int[files.size()];
            this.partial = new StringBuilder[files.size()];
            this.lastPrinted = files.size() - 1;
            for (int i = 0; i < files.size(); i++) {
                String content = view.read(files.get(i));
                read[i] = content == null ? 0 : content.length();
                partial[i] = new StringBuilder();
            }
        }

        void schedule() {
            if (!files.isEmpty()) {
                ctx.schedule(periodNanos, this::poll);
            }
        }

        private void poll() {
            if (!ctx.alive()) {
                return;
            }
            for (int i = 0; i < files.size(); i++) {
                String content = view.read(files.get(i));
                if (content == null) {
                    continue;
                }
                if (content.length() < read[i]) {
                    read[i] = 0; // truncated: read again from the start
                }
                if (content.length() == read[i]) {
                    continue;
                }
                if (files.size() > 1 && lastPrinted != i) {
                    ctx.out("");
                    ctx.out("==> " + files.get(i) + " <==");
                }
                lastPrinted = i;
                partial[i].append(content, read[i], content.length());
                read[i] = content.length();
                int nl;
                while ((nl = partial[i].indexOf("\n")) >= 0) {
                    ctx.out(partial[i].substring(0, nl));
                    partial[i].delete(0, nl + 1);
                }
            }
            ctx.schedule(periodNanos, this::poll);
        }
    }
}
