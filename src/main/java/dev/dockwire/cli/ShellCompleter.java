package dev.dockwire.cli;

import dev.dockwire.host.Completion;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab at the prompt: the words of the command under the cursor (after the last {@code |},
 * {@code ;}, {@code &&} or {@code ||}, alone or ending a word) go to the host's {@link Completion}; a directory's
 * candidate does not end the word, so Tab goes on into it.
 */
final class ShellCompleter implements Completer {
    private static final Set<String> SEPARATORS = Set.of("|", ";", "&&", "||", "&");
    private final Completion completion;
    private final Function<Supplier<List<String>>, List<String>> onLoop;

    ShellCompleter(Completion completion) {
        this(completion, Supplier::get);
    }

    /** {@code onLoop} runs the host's answer on the emulation's thread (the live prompt's loop). */
    ShellCompleter(Completion completion, Function<Supplier<List<String>>, List<String>> onLoop) {
        this.completion = completion;
        this.onLoop = onLoop;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        int start = 0;
        for (int i = 0; i < before.size(); i++) {
            String w = before.get(i);
            if (SEPARATORS.contains(w) || w.endsWith(";") || w.endsWith("|") || w.endsWith("&")) {
                start = i + 1;
            }
        }
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> words = before.subList(start, before.size());
        for (String c : onLoop.apply(() -> completion.complete(words, current))) {
            boolean directory = c.endsWith("/");
            candidates.add(new Candidate(c, c, null, null, null, null, !directory));
        }
    }
}
