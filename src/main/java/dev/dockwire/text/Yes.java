package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yes [STRING]...}: its operands joined by blanks ({@code y} without any), line after line
 * until its output breaks (coreutils' yes.c and BusyBox's yes.c alike). Into a pipe whose reader
 * stops ({@code yes | head -3}) it dies of SIGPIPE once it has filled the pipe past the reader's
 * lines ({@link Pipe}: status 141); into a reader that reads everything it never ends on its own,
 * so dockwire ends it as the OOM killer would a pipe grown past what it holds, after
 * {@link #READ_TO_THE_END_BYTES} (status 137) — it is never left to spin.
 */
final class Yes implements TextTool {
    /** What a reader of everything gets before yes is killed (proc's bounded output, 1 MiB). */
    static final long READ_TO_THE_END_BYTES = 1 << 20;

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String> words = args;
        if (ctx.flavour() == Flavour.GNU && !args.isEmpty() && args.get(0).equals("--")) {
            words = args.subList(1, args.size()); // coreutils parses its options (--help, --version) with getopt_long
        }
        String line = words.isEmpty() ? "y" : String.join(" ", words);
        Pipe pipe = ctx.out();
        List<String> out = new ArrayList<>();
        long bytes = 0;
        while (pipe.write(line)) {
            out.add(line);
            bytes += line.length() + 1L;
            if (pipe.readToTheEnd() && bytes > READ_TO_THE_END_BYTES) {
                return new TextResult(Pipe.KILLED_STATUS, out);
            }
        }
        return new TextResult(pipe.stoppedStatus(), out);
    }
}
