package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.bin.MariadbEntrypoint;
import dev.dockwire.app.bin.MariadbLog;
import dev.dockwire.app.bin.MongodLog;
import dev.dockwire.app.bin.MysqlLog;
import dev.dockwire.app.bin.MysqlServer;
import dev.dockwire.app.bin.PostgresEntrypoint;
import dev.dockwire.app.bin.PostgresLog;
import dev.dockwire.app.bin.PostgresServer;
import dev.dockwire.app.bin.RedisServer;
import dev.dockwire.app.http.HttpLimits;
import dev.dockwire.app.http.HttpServer;
import dev.dockwire.app.http.Nginx;
import dev.dockwire.app.http.NginxCommand;
import dev.dockwire.app.http.NginxConfig;
import dev.dockwire.app.http.NginxLog;
import dev.dockwire.app.Signal;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.app.http.Responses;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a container's image runs as its main process, for the images dockwire models:
 * {@code nginx} (its default.conf: the welcome page on 80, or proxying), {@code traefik/whoami}
 * (its hostname on 80), {@code hashicorp/http-echo} ({@code -text=...} on 5678 or
 * {@code -listen=:PORT}), {@code httpd} (on 80), and the databases on their ports: {@code postgres}
 * (5432, its startup protocol), {@code mysql}/{@code mariadb} (3306, greeting and ping),
 * {@code redis} and {@code redislabs/redismod} (6379, RESP), {@code mongo} (27017, accepting
 * connections). A catalogue image whose server is not modelled accepts connections on the ports
 * its entry {@code listens} on (elasticsearch's 9200, gitea's 3000, ...). Other images run nothing
 * that listens.
 */
public final class ImageDaemons {
    /** A started main process; stopped when the container stops. */
    /** The entrypoint's init scripts: the files directly in /docker-entrypoint-initdb.d/, in the order its glob sorts them. */
    private static List<String> initFiles(Container c) {
        String dir = "/docker-entrypoint-initdb.d/";
        return c.filePaths().stream().filter(f -> f.startsWith(dir) && f.indexOf('/', dir.length()) < 0).sorted().toList();
    }

    public interface Daemon {
        void stop();

        /** A daemon that {@code stop} ends and whose log says {@code shutdown} when PID 1 takes its signal. */
        static Daemon of(Runnable stop, java.util.function.Consumer<Signal> shutdown) {
            return new Daemon() {
                @Override
                public void stop() {
                    stop.run();
                }

                @Override
                public void shutdown(Signal signal) {
                    shutdown.accept(signal);
                }
            };
        }

        /** The image's own command run beside it (nginx -s reload), or null when it has none. */
        default CommandOutput control(List<String> args) {
            return null;
        }

        /** PID 1 took {@code signal}, which ends it: what the daemon writes and does first (nginx's workers exit). */
        default void shutdown(Signal signal) {
        }

        /** The user {@code ps} on the host names {@code p} by (nginx's workers run as its uid 101). */
        default String user(Process p) {
            return "root";
        }
    }

    /**
     * What the nginx images' /docker-entrypoint.sh prints to stdout before it execs nginx
     * (nginx/docker-nginx entrypoint/docker-entrypoint.sh and the scripts of /docker-entrypoint.d).
     */
    private static final List<String> ENTRYPOINT_LINES = List.of(
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up");

    private ImageDaemons() {
    }

    /** Images whose program a script or topology declared: an HTTP server answering text or its hostname. */
    record Declared(int port, String answer) {
    }

    /** The catalogue images whose server dockwire models, by base name ({@link #start}'s cases). */
    private static final java.util.Set<String> MODELLED = java.util.Set.of("nginx", "whoami", "httpd", "http-echo", "postgres",
            "mysql", "mariadb", "mongo", "redis", "redismod");

    /** Whether {@code c}'s image is a catalogue image whose server dockwire models. */
    static boolean models(Container c) {
        return Images.config(c) != null && MODELLED.contains(Images.baseName(c));
    }

    /**
     * Starts {@code c}'s main process as its image (or {@code declared}) says, on its namespace's
     * {@code sockets}; {@code process} gives a process context over files (nginx's). Null when the
     * image runs nothing dockwire serves.
     */
    static Daemon start(Declared declared, EventLoop clock, Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process) {
        return start(declared, clock, c, sockets, process, null);
    }

    /** As above, with PID 1's namespace ({@code pids}, null: the server is not PID 1) where nginx spawns its workers. */
    static Daemon start(Declared declared, EventLoop clock, Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process,
                        PidNamespace pids) {
        if (declared != null) {
            long epoch0 = clock.epochMillis();
            return http(sockets, clock, HttpLimits.GO_NET_HTTP, declared.port(), req -> Responses.hostname(req,
                    declared.answer() == null ? c.hostname() : declared.answer(), epoch0 + clock.nanos() / 1_000_000));
        }
        // Only a catalogue image runs its model: shop-nginx (built) or ghcr.io/x/nginx is not Docker Hub's nginx.
        String image = models(c) ? Images.baseName(c) : "";
        List<String> cmd = c.cmd();
        long epoch = clock.epochMillis();
        return switch (image) {
            case "nginx" -> nginx(c, process, pids, "busybox".equals(Images.provider(c, "sh")) ? 30 : 29);
            case "whoami" -> http(sockets, clock, HttpLimits.GO_NET_HTTP, 80, req -> Responses.hostname(req, "Hostname: " + c.hostname(),
                    epoch + clock.nanos() / 1_000_000));
            case "httpd" -> http(sockets, clock, HttpLimits.APACHE_HTTPD, 80, req -> Responses.echo(req, "<html><body><h1>It works!</h1></body></html>",
                    epoch + clock.nanos() / 1_000_000));
            case "http-echo" -> {
                String text = "hello-world";
                int port = 5678;
                for (String a : cmd) {
                    if (a.startsWith("-text=")) {
                        text = a.substring(6);
                    } else if (a.startsWith("-listen=")) {
                        port = Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
                    }
                }
                String t = text;
                yield http(sockets, clock, HttpLimits.GO_NET_HTTP, port, req -> Responses.echo(req, t, epoch + clock.nanos() / 1_000_000));
            }
            case "postgres" -> postgres(c, sockets, clock, process, pids);
            case "mysql" -> mysql(c, sockets, process, pids);
            case "mariadb" -> mariadb(c, sockets, process, pids);
            case "mongo" -> mongo(c, sockets, process, pids);
            case "redis" -> redis(c, sockets, process, pids);
            case "redismod" -> RedisServer.start(sockets)::stop; // redismod is redis-server with modules loaded
            default -> listening(sockets, Images.listens(c.image()));
        };
    }

    /** The image's HTTP server within its program's {@code limits}, its timeouts on {@code loop}. */
    private static Daemon http(Sockets sockets, EventLoop loop, HttpLimits limits, int port,
                               Function<dev.dockwire.app.http.HttpMessage, dev.dockwire.app.http.HttpMessage> handler) {
        HttpServer server = new HttpServer(sockets, port, HttpServer.sync(handler)).limits(limits, (nanos, task) -> {
            dev.dockwire.sim.Timeout t = loop.schedule(nanos, task);
            return t::cancel;
        }, () -> loop.epochMillis() + loop.nanos() / 1_000_000);
        server.start();
        return server::stop;
    }

    /**
     * The master title of PID 1 when {@code c}'s main process is the nginx image's server
     * ({@link NginxProcesses#title}), else null.
     */
    static List<String> title(Container c, List<String> run) {
        return models(c) && Images.baseName(c).equals("nginx") && !run.isEmpty() && run.get(0).startsWith("nginx")
                ? NginxProcesses.title(run) : null;
    }

    /** gcc -v's version line of the image's nginx build: Debian trixie's gcc, or the alpine image's. */
    private static String compiler(Container c) {
        return "busybox".equals(Images.provider(c, "sh")) ? "gcc 15.2.0 (Alpine 15.2.0) " : "gcc 14.2.0 (Debian 14.2.0-19) ";
    }

    /**
     * The image's server exec'd by the container's shell as PID 1 ({@code sh -c 'envsubst ...; exec nginx
     * -g "daemon off;"'}): execve(2) makes it PID 1, so nginx is the same master with its start lines and
     * workers, which take the namespace's next pids (no entrypoint scripts ran). Other images' servers as
     * {@link #start}.
     */
    static Daemon execByShell(EventLoop clock, Container c, Sockets sockets, ProcessContext ctx, PidNamespace pids) {
        if (models(c) && Images.baseName(c).equals("nginx") && pids.init() != null) {
            return nginx(c, files -> ctx, pids, 0);
        }
        return start(null, clock, c, sockets, files -> ctx);
    }

    private static Daemon nginx(Container c, Function<Exec.Files, ProcessContext> process, PidNamespace pids, int firstWorker) {
        String conf = c.file(Nginx.CONF);
        if (conf == null) {
            c.writeFile(Nginx.CONF, NginxConfig.DEFAULT_CONF);
        } else if (conf.equals(ImageFiles.packaged(c, Nginx.CONF))) {
            // 10-listen-on-ipv6-by-default.sh: the packaged file (its checksum) gets the IPv6 listen line.
            c.writeFile(Nginx.CONF, conf.replaceFirst("listen       80;", "listen       80;\n    listen  [::]:80;"));
        }
        ProcessContext ctx = process.apply(ProcessFiles.of(c));
        // docker-entrypoint.sh runs /docker-entrypoint.d only when it is to exec nginx or nginx-debug.
        List<String> argv = Images.argv(c);
        if (argv.size() > 1 && argv.get(0).endsWith("docker-entrypoint.sh") && argv.get(1).startsWith("nginx")) {
            ENTRYPOINT_LINES.forEach(ctx::out);
        }
        Nginx nginx = new Nginx(ctx);
        nginx.start();
        NginxLog log = new NginxLog(ctx);
        NginxProcesses tree = pids == null || pids.init() == null ? null : NginxProcesses.start(pids, pids.init(),
                firstWorker, NginxLog.workerProcesses(ctx), ctx.nanos());
        if (tree != null) {
            String release = ctx.readFile("/proc/sys/kernel/osrelease");
            log.started(compiler(c), release == null ? "" : release.strip(), tree.workerPids());
            nginx.errorLog(log, tree.firstWorker());
        }
        return new Daemon() {
            @Override
            public void stop() {
                nginx.stop();
            }

            @Override
            public void shutdown(Signal signal) {
                if (tree != null) {
                    tree.shutdown(signal, log);
                }
            }

            @Override
            public String user(Process p) {
                return tree != null && tree.isWorker(p) ? NginxProcesses.WORKER_USER : "root";
            }

            @Override
            public CommandOutput control(List<String> args) {
                if (args.equals(List.of("-s", "reload"))) {
                    String error = nginx.reload();
                    if (error != null) {
                        return CommandOutput.fail(1, error);
                    }
                    if (tree == null) {
                        return CommandOutput.ok(List.of());
                    }
                    int client = tree.reload(log, pids.init(), ctx.nanos());
                    return CommandOutput.error(0, List.of(log.signalProcessStarted(client)));
                }
                if (args.equals(List.of("-t"))) {
                    boolean[] passed = {false};
                    List<String> lines = NginxCommand.test(c.file(Nginx.CONF), false, passed);
                    return new CommandOutput(passed[0] ? 0 : 1, lines);
                }
                if (args.equals(List.of("-v"))) {
                    return CommandOutput.ok(List.of("nginx version: " + Nginx.VERSION));
                }
                return CommandOutput.fail(1, "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
            }
        };
    }

    /**
     * The main process of a catalogue image whose server ends by itself on this command line
     * ({@code docker run nginx nginx -t}: the entrypoint's lines, then nginx testing and exiting),
     * or null when the image serves or is not one dockwire models.
     */
    static Program command(Container c, List<String> run) {
        if (models(c) && Images.baseName(c).equals("postgres")) {
            return postgresRefusal(c);
        }
        if (models(c) && Images.baseName(c).equals("mysql")) {
            return mysqlRefusal(c);
        }
        if (models(c) && Images.baseName(c).equals("mariadb")) {
            return mariadbRefusal(c);
        }
        if (!models(c) || !Images.baseName(c).equals("nginx") || run.isEmpty()
                || !List.of("nginx", "nginx-debug").contains(run.get(0)) || !NginxCommand.oneShot(run.subList(1, run.size()))) {
            return null;
        }
        List<String> argv = Images.argv(c);
        boolean entrypoint = argv.size() > 1 && argv.get(0).endsWith("docker-entrypoint.sh");
        return (ctx, args) -> {
            if (entrypoint) {
                ENTRYPOINT_LINES.forEach(ctx::out);
            }
            new NginxCommand().start(ctx, args);
        };
    }

    /**
     * The postgres image's entrypoint ending before it execs the server, or null when it goes on
     * ({@link PostgresEntrypoint#refusal}): on an empty {@code $PGDATA} without POSTGRES_PASSWORD
     * (or POSTGRES_HOST_AUTH_METHOD=trust) its error block on stderr and status 1, so the container
     * is {@code Exited (1)}.
     */
    private static Program postgresRefusal(Container c) {
        List<String> argv = Images.argv(c);
        if (argv.size() < 2 || !argv.get(0).endsWith("docker-entrypoint.sh") || !(argv.get(1).equals("postgres") || argv.get(1).startsWith("-"))) {
            return null;
        }
        java.util.Map<String, String> env = imageEnv(c);
        String version = c.file(env.getOrDefault("PGDATA", "/var/lib/postgresql/data") + "/PG_VERSION");
        List<String> refusal = PostgresEntrypoint.refusal(env, c::file, version != null && !version.isEmpty());
        if (refusal.isEmpty()) {
            return null;
        }
        return (ctx, args) -> {
            refusal.forEach(ctx::err);
            ctx.exit(1);
        };
    }

    /** What the image's entrypoint reads of its environment ({@link ProcessEnv}): the image's ENV and over it -e's. */
    private static java.util.Map<String, String> imageEnv(Container c) {
        return ProcessEnv.of(c);
    }

    /** The pid the server's first child (an io worker) gets after initdb and the temporary server (a postgres:18.1 log's 67). */
    private static final int POSTGRES_CHILD_AFTER_INIT = 67;
    /** The same after an entrypoint that found the cluster there (fewer processes before the exec). */
    private static final int POSTGRES_CHILD_AFTER_SKIP = 25;

    /**
     * The postgres image's server: when docker-entrypoint.sh execs it as PID 1, the entrypoint's
     * initialization (or its skip notice) and the server's log ({@link PostgresLog}), ready after
     * {@link PostgresServer#STARTUP_NANOS}; its shutdown lines on the stop signal.
     */
    private static Daemon postgres(Container c, Sockets sockets, EventLoop clock, Function<Exec.Files, ProcessContext> process, PidNamespace pids) {
        PostgresServer server = PostgresServer.start(sockets, clock::nanos);
        List<String> argv = Images.argv(c);
        if (pids == null || argv.size() < 2 || !argv.get(0).endsWith("docker-entrypoint.sh")
                || !(argv.get(1).equals("postgres") || argv.get(1).startsWith("-"))) {
            return server::stop;
        }
        java.util.Map<String, String> env = imageEnv(c);
        String pgdata = env.getOrDefault("PGDATA", "/var/lib/postgresql/data");
        String user = env.getOrDefault("POSTGRES_USER", "postgres");
        ProcessContext ctx = process.apply(ProcessFiles.of(c));
        PostgresLog log = new PostgresLog(ctx, pgdata, env.getOrDefault("PG_VERSION", "18.6-1.pgdg13+2"), "gcc (Debian 14.2.0-19) 14.2.0");
        boolean init = !log.initialized();
        if (init && PostgresEntrypoint.trust(env)) {
            PostgresEntrypoint.TRUST_WARNING.forEach(ctx::err);
        }
        List<String> initFiles = initFiles(c);
        log.entrypoint(env.getOrDefault("POSTGRES_DB", user), initFiles);
        log.serverStarted(init ? POSTGRES_CHILD_AFTER_INIT : POSTGRES_CHILD_AFTER_SKIP);
        dev.dockwire.app.Timer ready = ctx.schedule(PostgresServer.STARTUP_NANOS, log::ready);
        return new Daemon() {
            @Override
            public void stop() {
                ready.cancel();
                server.stop();
            }

            @Override
            public void shutdown(Signal signal) {
                log.shutdown(signal);
            }
        };
    }

    /**
     * The redis image's server: with its log ({@link RedisDaemon}) when docker-entrypoint.sh execs
     * {@code redis-server} as PID 1, else the server alone.
     */
    private static Daemon redis(Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process, PidNamespace pids) {
        List<String> argv = Images.argv(c);
        if (pids == null || argv.size() < 2 || !argv.get(0).endsWith("docker-entrypoint.sh") || !argv.get(1).equals("redis-server")) {
            return RedisServer.start(sockets)::stop;
        }
        return RedisDaemon.start(sockets, process.apply(ProcessFiles.of(c)), imageEnv(c).getOrDefault("REDIS_VERSION", "8.10.1"));
    }

    /**
     * The mongo image's server: with mongod's log ({@link MongodLog}) when docker-entrypoint.sh execs
     * {@code mongod} as PID 1, its shutdown lines on the stop signal; else the port alone.
     */
    private static Daemon mongo(Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process, PidNamespace pids) {
        Daemon listener = listen(sockets, 27017);
        List<String> argv = Images.argv(c);
        if (pids == null || argv.size() < 2 || !argv.get(0).endsWith("docker-entrypoint.sh")
                || !(argv.get(1).equals("mongod") || argv.get(1).startsWith("-"))) {
            return listener;
        }
        java.util.Map<String, String> env = imageEnv(c);
        MongodLog log = new MongodLog(process.apply(ProcessFiles.of(c)), env.getOrDefault("MONGO_VERSION", "8.3.9"));
        boolean fresh = c.file(MongodLog.DATADIR_MARK) == null;
        List<String> initdb = c.filePaths().stream().filter(p -> p.startsWith(MONGO_INITDB_D + "/")).sorted().toList();
        boolean scripts = initdb.stream().anyMatch(p -> p.endsWith(".sh") || p.endsWith(".js"));
        if (!env.getOrDefault("MONGO_INITDB_ROOT_USERNAME", "").isEmpty() && !env.getOrDefault("MONGO_INITDB_ROOT_PASSWORD", "").isEmpty()
                && !scripts) {
            // the entrypoint's initdb; its scripts (.sh, .js) dockwire does not run, so a container with some keeps the plain start
            if (fresh) {
                log.initdb(MONGO_FORKED_PID, initdb.isEmpty() ? List.of(MONGO_INITDB_D + "/*") : initdb);
            }
            log.startedWithAuth();
        } else {
            log.started(!fresh);
        }
        c.writeFile(MongodLog.DATADIR_MARK, "WiredTiger\n", false);
        return Daemon.of(listener::stop, log::shutdown);
    }

    /** Where the mongo image's entrypoint looks for scripts to run at its initdb. */
    private static final String MONGO_INITDB_D = "/docker-entrypoint-initdb.d";
    /** The pid {@code mongod --fork} reports for the temporary server: the entrypoint's own children took those before it (17 to 31 in docker-library/mongo's issues' logs). */
    private static final int MONGO_FORKED_PID = 28;

    /** Whether the mysql image's entrypoint execs mysqld ({@code docker-entrypoint.sh mysqld} or options), doing its setup first. */
    private static boolean mysqldByEntrypoint(Container c) {
        List<String> argv = Images.argv(c);
        return argv.size() >= 2 && argv.get(0).endsWith("docker-entrypoint.sh") && (argv.get(1).equals("mysqld") || argv.get(1).startsWith("-"));
    }

    /**
     * The environment after the entrypoint's file_env: each of MYSQL_ROOT_PASSWORD, MYSQL_PASSWORD,
     * MYSQL_USER and MYSQL_DATABASE taken from its {@code _FILE} (a Docker secret) when it is not set itself.
     */
    private static Map<String, String> mysqlEnv(Container c) {
        Map<String, String> env = imageEnv(c);
        for (String var : List.of("MYSQL_ROOT_PASSWORD", "MYSQL_PASSWORD", "MYSQL_USER", "MYSQL_DATABASE")) {
            String file = env.get(var + "_FILE");
            String content = file == null || env.getOrDefault(var, "").length() > 0 ? null : c.file(file);
            if (content != null) {
                env.put(var, content.replaceFirst("\n+$", ""));
            }
        }
        return env;
    }

    /** Whether the mariadb image's entrypoint execs the server ({@code mariadbd}, {@code mysqld} or options), doing its setup first. */
    private static boolean mariadbdByEntrypoint(Container c) {
        List<String> argv = Images.argv(c);
        return argv.size() >= 2 && argv.get(0).endsWith("docker-entrypoint.sh")
                && (argv.get(1).equals("mariadbd") || argv.get(1).equals("mysqld") || argv.get(1).startsWith("-"));
    }

    /**
     * The mariadb image's server: when docker-entrypoint.sh execs mariadbd as PID 1, the
     * entrypoint's initialization of an empty datadir and the server's log ({@link MariadbLog}),
     * its normal shutdown on the stop signal; else the server alone.
     */
    private static Daemon mariadb(Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process, PidNamespace pids) {
        MysqlServer server = MysqlServer.start(sockets, mysqlVersion(Images.config(c)));
        if (pids == null || !mariadbdByEntrypoint(c)) {
            return server::stop;
        }
        MariadbLog log = new MariadbLog(process.apply(ProcessFiles.of(c)), imageEnv(c).getOrDefault("MARIADB_VERSION", "1:12.3.2+maria~ubu2404"));
        List<String> initFiles = initFiles(c);
        log.entrypoint(imageEnv(c), initFiles, c.file(MysqlLog.SYSTEM_SCHEMA));
        log.serverStarted();
        return Daemon.of(server::stop, signal -> log.shutdown());
    }

    /** The mariadb image's entrypoint ending before the server on an empty datadir without a root password option, or null. */
    private static Program mariadbRefusal(Container c) {
        if (!mariadbdByEntrypoint(c) || c.file(MysqlLog.SYSTEM_SCHEMA) != null || !MariadbEntrypoint.refuses(imageEnv(c), c::file)) {
            return null;
        }
        String version = imageEnv(c).getOrDefault("MARIADB_VERSION", "");
        return (ctx, args) -> {
            MariadbEntrypoint.refuse(ctx, version);
            ctx.exit(1);
        };
    }

    private static String mysqlPackage(Container c) {
        return imageEnv(c).getOrDefault("MYSQL_VERSION", "26.7.0-1.el9");
    }

    /**
     * The mysql image's entrypoint ending before mysqld on an empty datadir without a root password
     * option ({@link MysqlLog#refusal}): its notes, its error, status 1. Null when it goes on.
     */
    private static Program mysqlRefusal(Container c) {
        if (!mysqldByEntrypoint(c)) {
            return null;
        }
        boolean initialized = c.file(MysqlLog.SYSTEM_SCHEMA) != null;
        Map<String, String> env = mysqlEnv(c);
        if (!MysqlLog.refuses(env, initialized)) {
            return null;
        }
        return (ctx, args) -> {
            List<List<String>> refusal = new MysqlLog(ctx, mysqlPackage(c)).refusal(env, initialized);
            refusal.get(0).forEach(ctx::out);
            refusal.get(1).forEach(ctx::err);
            ctx.exit(1);
        };
    }

    /**
     * The mysql image's server: when docker-entrypoint.sh execs mysqld as PID 1, the entrypoint's
     * initialization (or its socket link on a kept datadir) and mysqld's log ({@link MysqlLog}),
     * its shutdown lines on the stop signal; else the server alone.
     */
    private static Daemon mysql(Container c, Sockets sockets, Function<Exec.Files, ProcessContext> process, PidNamespace pids) {
        MysqlServer server = MysqlServer.start(sockets, mysqlVersion(Images.config(c)));
        if (pids == null || !mysqldByEntrypoint(c)) {
            return server::stop;
        }
        ProcessContext ctx = process.apply(ProcessFiles.of(c));
        MysqlLog log = new MysqlLog(ctx, mysqlPackage(c));
        List<String> initFiles = initFiles(c);
        StringBuilder random = new StringBuilder();
        String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 32; i++) {
            random.append(base64.charAt(ctx.random(64)));
        }
        log.entrypoint(mysqlEnv(c), initFiles, c.file(MysqlLog.SYSTEM_SCHEMA) != null, random.toString());
        log.serverStarted();
        return Daemon.of(server::stop, signal -> log.shutdown());
    }

    /** The server version a MySQL greeting names, from the image's ENV ({@code MYSQL_VERSION}, {@code MARIADB_VERSION}). */
    private static String mysqlVersion(dev.dockwire.docker.ImageConfig image) {
        for (String kv : image.env()) {
            if (kv.startsWith("MYSQL_VERSION=")) {
                return kv.substring(14).replaceFirst("-.*", "");
            }
            if (kv.startsWith("MARIADB_VERSION=")) {
                return kv.substring(16).replaceFirst("^\\d+:", "").replaceFirst("\\+maria~", "-MariaDB-");
            }
        }
        return "8.0.0";
    }

    /** The catalogue's {@code listens} ports of an image whose protocol dockwire does not speak, each accepting; null when none. */
    private static Daemon listening(Sockets sockets, List<Integer> ports) {
        if (ports.isEmpty()) {
            return null;
        }
        List<Daemon> each = ports.stream().map(p -> listen(sockets, p)).toList();
        return () -> each.forEach(Daemon::stop);
    }

    /** A server that accepts connections and keeps them open (enough for a TCP connect check). */
    private static Daemon listen(Sockets sockets, int port) {
        TcpListener l = sockets.listenTcp(0, port, 511);
        l.onAccept(s -> {
            s.onData(d -> { });
            s.onEof(s::close);
        });
        return l::close;
    }
}
