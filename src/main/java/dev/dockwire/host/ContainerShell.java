package dev.dockwire.host;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.cli.TtyCheck;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.docker.engine.ContainerCommands;
import dev.dockwire.docker.engine.ExecUser;
import dev.dockwire.docker.engine.Images;
import dev.dockwire.app.Cred;
import dev.dockwire.tools.CommandResult;
import java.util.List;

/**
 * An interactive shell inside a container ({@code docker exec -it CTR sh}): the container's
 * commands and the prompt its image's shell prints by default: BusyBox ash's working directory
 * and {@code #} ({@code / # } on alpine and busybox), the Debian bash's user@host:directory#
 * ({@code root@<hostname>:/# }, the hostname being the container's 12-character id unless set;
 * {@code I have no name!@<hostname>:/$ } for a uid the container's /etc/passwd does not list),
 * dash's {@code # } ({@code $ } for a user other than root, ash's too).
 */
final class ContainerShell implements OpenShell {
    /** Which shell runs, by its prompt. */
    enum Flavour {
        ASH, BASH, DASH
    }

    private final Container container;
    private final ContainerEnv env;
    private final Sh.Session session;
    private final String argv0;
    private final Flavour flavour;
    private final boolean root;
    /** The user's home ({@code $HOME}): bash's prompt (w) shows it as {@code ~}. */
    private final String home;
    /** The user as bash's prompt names it. */
    private final String userName;

    private ContainerShell(Container container, ContainerEnv env, Flavour flavour, ImageConfig config, String argv0) {
        this.container = container;
        this.env = env;
        this.argv0 = argv0;
        // runc starts the process in its cwd (exec -w's, else Config.WorkingDir, else /): the shell's PWD and pwd say it
        this.session = new Sh.Session(argv0, ContainerCommands.dialect(container, argv0), env.processEnv(), env.currentDirectory());
        this.flavour = flavour;
        ExecUser user = env.user();
        Cred who = user.refused() ? Cred.ROOT : user.cred();
        this.root = who.root();
        this.home = env.processEnv().getOrDefault("HOME", "/");
        this.userName = who.uid() < 0 ? ExecUser.configured(container) : who.root() ? "root" : userName(container, who.uid());
    }

    /** bash's prompt escape for the user (u): getpwuid's name, {@code I have no name!} for a uid the container's /etc/passwd does not list. */
    private static String userName(Container c, int uid) {
        String name = ExecUser.name(c, uid);
        return name.equals(Integer.toString(uid)) ? "I have no name!" : name;
    }

    /**
     * The shell {@code argv} starts inside {@code c} when it is an interactive one ({@code sh},
     * {@code ash}, {@code bash}, {@code dash}, by path too, without {@code -c}); null otherwise.
     */
    static ContainerShell of(Container c, ContainerEnv env, List<String> argv) {
        if (!TtyCheck.interactiveShell(argv)) {
            return null;
        }
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        ImageConfig config = Images.config(c);
        boolean busybox = config == null || config.programs().contains("apk") || config.programs().contains("ash");
        Flavour flavour = switch (name) {
            case "bash" -> Flavour.BASH;
            case "ash" -> Flavour.ASH;
            case "dash" -> Flavour.DASH;
            case "sh" -> busybox ? Flavour.ASH : Flavour.DASH;
            default -> null;
        };
        return flavour == null ? null : new ContainerShell(c, env, flavour, config, name);
    }

    /** Whether the image has the shell on its PATH (an image dockwire does not model has them all). */
    static boolean present(Container c, String program) {
        ImageConfig config = Images.config(c);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return config == null || config.programs().isEmpty() || config.programs().contains(name);
    }

    @Override
    public String prompt() {
        String sign = root ? "#" : "$";
        return switch (flavour) {
            case ASH -> session.directory() + " " + sign + " ";
            case BASH -> userName + "@" + container.hostname() + ":" + tilde(session.directory()) + sign + " ";
            case DASH -> sign + " ";
        };
    }

    /** bash's polite_directory_format: a directory under a home longer than {@code /} with {@code ~} for the home. */
    private String tilde(String dir) {
        if (home.length() > 1 && dir.startsWith(home) && (dir.length() == home.length() || dir.charAt(home.length()) == '/')) {
            return "~" + dir.substring(home.length());
        }
        return dir;
    }

    @Override
    public boolean bash() {
        return flavour == Flavour.BASH;
    }

    Flavour flavour() {
        return flavour;
    }

    @Override
    public Container container() {
        return container;
    }

    /** A line typed at the prompt, run by the container's shell (app.sh) with what the earlier lines set. */
    @Override
    public CommandResult run(String line) {
        return env.interactive(session, argv0, line);
    }

    /** Whether the last line ran the {@code exit} builtin in the shell itself (not a subshell's): the shell ends. */
    @Override
    public boolean exited() {
        return session.exited();
    }

    /** Whether that was the {@code exit} builtin of an interactive bash, which says {@code exit} on stderr (exit.def); ash and dash say nothing. */
    @Override
    public boolean saysExit() {
        return flavour == Flavour.BASH && session.exitTyped();
    }

    /** {@code $?} of the last command, what {@code exit} without a number returns. */
    @Override
    public int lastStatus() {
        return session.status();
    }
}
