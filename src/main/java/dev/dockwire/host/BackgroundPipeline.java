package dev.dockwire.host;

import dev.dockwire.proc.JobControl;
import dev.dockwire.proc.PipelineJob;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code a | b &} in the host's shell: one background job for the whole pipeline
 * ({@link PipelineJob}), whose first stage runs as a job of its own and whose later stages this
 * runs over the first's lines: a stage that filters line by line ({@code grep PATTERN}, {@code cat},
 * {@code cut}) passes each line on as it comes, as a line-buffered filter on a terminal does; the
 * first stage that reads to its input's end ({@code tail}, {@code sort}, {@code wc}) and those after
 * it run once the first stage has ended. Pipelines with redirections still run in the foreground.
 */
final class BackgroundPipeline implements PipelineJob.Rest {
    /** grep's options that keep it a line-by-line filter (no counts, context, line numbers or early exit). */
    private static final Set<Character> GREP_PER_LINE = Set.of('i', 'v', 'w', 'x', 'E', 'F', 'G', 'o', 's', 'h', 'e', 'a');

    /** Runs one stage's words over its input (null: none), as the shell runs a program. */
    interface Runner {
        CommandResult run(List<String> argv, List<String> stdin);
    }

    private final Runner shell;
    private final List<List<String>> stages;
    /** How many stages after the first pass each line on as it comes. */
    private final int perLine;
    /** What the first stage that reads to its end has been given so far. */
    private final List<String> pending = new ArrayList<>();
    /** Each line-by-line stage's status so far: 0 once any line gave 0 (grep selected one); -1 before it ran. */
    private final int[] statuses;

    private BackgroundPipeline(Runner shell, List<List<String>> stages) {
        this.shell = shell;
        this.stages = stages;
        int n = 0;
        while (n + 1 < stages.size() && perLine(stages.get(n + 1))) {
            n++;
        }
        this.perLine = n;
        this.statuses = new int[stages.size()];
        java.util.Arrays.fill(statuses, -1);
    }

    /**
     * Starts the pipeline: its job goes to the background once its first stage waits ({@code $!}
     * its last stage's pid), or, if the first stage ends at once, the rest run now and it is a job
     * that is done. Its status is 0, as {@code COMMAND &}'s is; {@code $!} is {@link JobControl#lastBackgroundPid}.
     */
    static CommandResult start(Runner shell, List<List<String>> stages, JobControl jobs) {
        BackgroundPipeline rest = new BackgroundPipeline(shell, stages);
        PipelineJob pipeline = new PipelineJob(stages.stream().map(c -> String.join(" ", c)).toList(), rest);
        CommandResult r = jobs.spawningPipeline(pipeline, () -> {
            CommandResult first = jobs.collected(() -> shell.run(stages.get(0), null));
            if (!pipeline.adopted()) {
                return rest.synchronous(first);
            }
            first.stdout().forEach(pipeline::fromFirst); // written before it went to the background
            return new CommandResult(0, first.errors(), first.errors());
        }, CommandResult::status);
        return new CommandResult(0, r.output(), r.errors());
    }

    /** A first stage that ended at once: the rest run over all it wrote, now. */
    private CommandResult synchronous(CommandResult first) {
        statuses[0] = first.status();
        List<String> errors = new ArrayList<>(first.errors());
        first.stdout().forEach(l -> errors.addAll(line(l)));
        PipelineJob.Ended e = end();
        errors.addAll(e.lines()); // the last stage's stdout among them: all of it reaches the terminal
        List<Integer> all = e.statuses();
        return new CommandResult(all.get(all.size() - 1), errors, List.of());
    }

    @Override
    public List<String> line(String line) {
        List<String> out = new ArrayList<>();
        List<String> in = List.of(line);
        for (int i = 1; i <= perLine; i++) {
            CommandResult r = shell.run(stages.get(i), in);
            statuses[i] = statuses[i] == 0 ? 0 : r.status();
            out.addAll(r.errors());
            in = r.stdout();
            if (in.isEmpty()) {
                return out;
            }
        }
        if (perLine + 1 < stages.size()) {
            pending.addAll(in);
        } else {
            out.addAll(in);
        }
        return out;
    }

    @Override
    public PipelineJob.Ended end() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= perLine; i++) {
            if (statuses[i] < 0) { // never given a line: it reads the end of its input only
                statuses[i] = shell.run(stages.get(i), List.of()).status();
            }
        }
        List<String> in = pending;
        for (int i = perLine + 1; i < stages.size(); i++) {
            CommandResult r = shell.run(stages.get(i), List.copyOf(in));
            statuses[i] = r.status();
            out.addAll(r.errors());
            in = r.stdout();
        }
        if (perLine + 1 < stages.size()) {
            out.addAll(in);
        }
        List<Integer> later = new ArrayList<>();
        for (int i = 1; i < stages.size(); i++) {
            later.add(statuses[i]);
        }
        return new PipelineJob.Ended(out, later);
    }

    /** Whether the command reads and writes line by line, so a line it is given is written on at once. */
    private static boolean perLine(List<String> words) {
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        return switch (name) {
            case "cut" -> true;
            case "cat" -> args.stream().noneMatch(a -> a.startsWith("-"));
            case "grep", "egrep", "fgrep" -> args.stream().filter(a -> a.startsWith("-") && a.length() > 1)
                    .allMatch(a -> !a.startsWith("--") && a.substring(1).chars().allMatch(c -> GREP_PER_LINE.contains((char) c)));
            default -> false;
        };
    }
}
