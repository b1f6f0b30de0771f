package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the mongo image writes to {@code docker logs} when its entrypoint execs {@code mongod
 * --bind_ip_all} as PID 1 (docker-library/mongo docker-entrypoint.sh: no lines of its own without
 * MONGO_INITDB_ROOT_USERNAME): mongod's structured log on stdout (logv2's JSON formatter:
 * {@code {"t":{"$date":ISO-8601 with offset},"s":SEVERITY,"c":COMPONENT,"id":N,"ctx":THREAD,"msg":...}},
 * the severity, component and id padded so the fields after them align), on the virtual clock.
 * The lines and ids are a mongo:8.2.3 container's on a fresh /data/db, the catalogue's version put
 * where the version is printed; left out are the WiredTiger library's own messages (id 22430, its
 * thread addresses), the collections and indexes created at start (their generated UUIDs) and the
 * FCV upgrade's wire-spec updates. The build's gitVersion is 8.2.3's and the wire version 27 is
 * 8.2's (estimates for another version), as is the startup summary's timing. On a datadir a
 * previous run left, the storage engine is detected and no featureCompatibilityVersion is set.
 * SIGTERM/SIGINT: the signal handler's lines and the shutdown's ends (ids 23377, 23378, 23381,
 * 20562, 20565, 23138 from mongod's source; the steps between them are left out).
 */
public final class MongodLog {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** A file WiredTiger keeps in the datadir: there, the datadir holds a database. */
    public static final String DATADIR_MARK = "/data/db/WiredTiger";
    private static final String WIRE = "{\"incomingExternalClient\":{\"minWireVersion\":0,\"maxWireVersion\":27},"
            + "\"incomingInternalClient\":{\"minWireVersion\":0,\"maxWireVersion\":27},"
            + "\"outgoing\":{\"minWireVersion\":6,\"maxWireVersion\":27},\"isInternalClient\":true}";

    /** The pid of the entrypoint's {@code mongod --shutdown} in the container (an estimate: mongosh's probes took pids before it). */
    private static final int SHUTDOWN_SENDER = 93;

    private final ProcessContext ctx;
    private final String version;

    /** {@code version} is the image's MONGO_VERSION ({@code 8.3.9}). */
    public MongodLog(ProcessContext ctx, String version) {
        this.ctx = ctx;
        this.version = version;
    }

    /** One line: logv2's JSON with its padding; {@code rest} follows {@code "msg"} (attr, tags) or is empty. */
    private void log(char severity, String component, int id, String thread, String msg, String rest) {
        String head = "{\"t\":{\"$date\":\"" + DATE.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000)) + "\"},"
                + "\"s\":\"" + severity + "\"," + " ".repeat(2) + "\"c\":\"" + component + "\","
                + " ".repeat(Math.max(0, 9 - component.length())) + "\"id\":" + id + ","
                + " ".repeat(Math.max(0, 8 - Integer.toString(id).length())) + "\"ctx\":\"" + thread + "\",\"msg\":\"" + msg + "\"";
        ctx.out(head + (rest.isEmpty() ? "" : "," + rest) + "}");
    }

    private void info(String component, int id, String thread, String msg, String rest) {
        log('I', component, id, thread, msg, rest);
    }

    /** From exec to {@code Waiting for connections}; {@code existing}: the datadir holds a previous run's database. */
    public void started(boolean existing) {
        startup(existing, 1, "{\"net\":{\"bindIp\":\"*\"}}", "0.0.0.0", false);
    }

    /**
     * The server the entrypoint execs after its initdb: {@code --auth} added (the options' security section; access
     * control enabled, so no warning about it) on the datadir the temporary server created.
     */
    public void startedWithAuth() {
        startup(true, 1, "{\"net\":{\"bindIp\":\"*\"},\"security\":{\"authorization\":\"enabled\"}}", "0.0.0.0", true);
    }

    /**
     * docker-entrypoint.sh's initdb (docker-library/mongo 8.2/docker-entrypoint.sh) with MONGO_INITDB_ROOT_USERNAME and
     * _PASSWORD set and a fresh datadir: {@code mongod --fork}'s parent's lines (mongo's
     * initialize_server_global_state.cpp) around the temporary server's start, which listens on 127.0.0.1 only and logs to
     * {@code /proc/1/fd/1} ({@code --logpath}, {@code --logappend}: logv2's restart marker first); the entrypoint's
     * loop over /docker-entrypoint-initdb.d ({@code ignored}: what it ignores there, the unexpanded glob when it is
     * empty), the temporary server's shutdown ({@code mongod --shutdown}: SIGTERM) and the entrypoint's closing line.
     * What mongosh prints creating the root user, and the temporary server's connection lines, are left out.
     */
    public void initdb(int pid, java.util.List<String> ignored) {
        ctx.out("about to fork child process, waiting until server is ready for connections.");
        ctx.out("forked process: " + pid);
        info("CONTROL", 20698, "main", "***** SERVER RESTARTED *****", "");
        startup(false, pid, "{\"net\":{\"bindIp\":\"127.0.0.1\",\"port\":27017,\"tls\":{\"mode\":\"disabled\"}},"
                + "\"processManagement\":{\"fork\":true,\"pidFilePath\":\"/tmp/docker-entrypoint-temp-mongod.pid\"},"
                + "\"systemLog\":{\"destination\":\"file\",\"logAppend\":true,\"path\":\"/proc/1/fd/1\"}}", "127.0.0.1", false);
        ctx.out("child process started successfully, parent exiting");
        ctx.out("");
        for (String f : ignored) {
            ctx.out("/usr/local/bin/docker-entrypoint.sh: ignoring " + f);
            ctx.out("");
        }
        shutdown(Signal.SIGTERM, SHUTDOWN_SENDER);
        ctx.out("");
        ctx.out("MongoDB init process complete; ready for start up.");
        ctx.out("");
    }

    private void startup(boolean existing, int pid, String options, String address, boolean auth) {
        String major = version.replaceFirst("^(\\d+\\.\\d+).*", "$1");
        info("-", 8991200, "main", "Shuffling initializers", "\"attr\":{\"seed\":" + Integer.toUnsignedString(ctx.random(Integer.MAX_VALUE)) + "}");
        info("CONTROL", 97374, "main", "Automatically disabling TLS 1.0 and TLS 1.1, to force-enable TLS 1.1 specify"
                + " --sslDisabledProtocols 'TLS1_0'; to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'", "");
        info("NETWORK", 4915701, "main", "Initialized wire specification", "\"attr\":{\"spec\":" + WIRE + "}");
        info("CONTROL", 5945603, "main", "Multi threading initialized", "");
        info("CONTROL", 4615611, "initandlisten", "MongoDB starting", "\"attr\":{\"pid\":" + pid + ",\"port\":27017,\"dbPath\":\"/data/db\","
                + "\"architecture\":\"64-bit\",\"host\":\"" + ctx.hostname() + "\"}");
        info("CONTROL", 23403, "initandlisten", "Build Info", "\"attr\":{\"buildInfo\":{\"version\":\"" + version + "\","
                + "\"gitVersion\":\"36f41c9c30a2f13f834d033ba03c3463c891fb01\",\"openSSLVersion\":\"OpenSSL 3.0.13 30 Jan 2024\","
                + "\"modules\":[],\"allocator\":\"tcmalloc-google\",\"environment\":{\"distmod\":\"ubuntu2404\",\"distarch\":\"x86_64\","
                + "\"target_arch\":\"x86_64\"}}}");
        info("CONTROL", 51765, "initandlisten", "Operating System", "\"attr\":{\"os\":{\"name\":\"Ubuntu\",\"version\":\"24.04\"}}");
        info("CONTROL", 21951, "initandlisten", "Options set by command line", "\"attr\":{\"options\":" + options + "}");
        info("NETWORK", 4648601, "initandlisten", "Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of"
                + " the related parameters", "\"attr\":{\"relatedParameters\":[\"tcpFastOpenServer\",\"tcpFastOpenClient\",\"tcpFastOpenQueueSize\"]}");
        if (existing) {
            info("STORAGE", 22270, "initandlisten", "Storage engine to use detected by data files",
                    "\"attr\":{\"dbpath\":\"/data/db\",\"storageEngine\":\"wiredTiger\"}");
        }
        info("STORAGE", 22297, "initandlisten", "Using the XFS filesystem is strongly recommended with the WiredTiger storage engine."
                + " See http://dochub.mongodb.org/core/prodnotes-filesystem", "\"tags\":[\"startupWarnings\"]");
        // cache_size: half of the machine's memory less 1 GB (8,127,828 kB: 3456M).
        info("STORAGE", 22315, "initandlisten", "Opening WiredTiger", "\"attr\":{\"config\":\"create,cache_size=3456M,session_max=33000,"
                + "eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,"
                + "compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,"
                + "close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),"
                + "verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,live_restore_progress:1,backup:0,checkpoint:0,"
                + "compact:0,eviction:0,fileops:0,history_store:0,live_restore:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,"
                + "transaction:0,verify:0,log:0],prefetch=(available=true,default=false),\"}");
        info("STORAGE", 4795906, "initandlisten", "WiredTiger opened", "\"attr\":{\"durationMillis\":58}");
        info("RECOVERY", 23987, "initandlisten", "WiredTiger recoveryTimestamp",
                "\"attr\":{\"recoveryTimestamp\":{\"$timestamp\":{\"t\":0,\"i\":0}}}");
        if (!auth) {
            log('W', "CONTROL", 22120, "initandlisten", "Access control is not enabled for the database. Read and write access to data and"
                    + " configuration is unrestricted", "\"tags\":[\"startupWarnings\"]");
        }
        // Debian 12's vm.max_map_count (65530) against what 8.2 asks for 1,048,576 open files.
        log('W', "NETWORK", 5123300, "initandlisten", "vm.max_map_count is too low", "\"attr\":{\"currentValue\":65530,"
                + "\"recommendedMinimum\":838860,\"maxConns\":419430},\"tags\":[\"startupWarnings\"]");
        if (!existing) {
            info("REPL", 20459, "initandlisten", "Setting featureCompatibilityVersion", "\"attr\":{\"newVersion\":\"" + major + "\"}");
        }
        info("REPL", 5853300, "initandlisten", "current featureCompatibilityVersion value",
                "\"attr\":{\"featureCompatibilityVersion\":\"" + major + "\",\"context\":\"startup\"}");
        info("STORAGE", 5071100, "initandlisten", "Clearing temp directory", "");
        info("CONTROL", 6608200, "initandlisten", "Initializing cluster server parameters from disk", "");
        info("CONTROL", 20536, "initandlisten", "Flow Control is enabled on this deployment", "");
        info("FTDC", 20625, "initandlisten", "Initializing full-time diagnostic data capture",
                "\"attr\":{\"dataDirectory\":\"/data/db/diagnostic.data\"}");
        info("REPL", 6015317, "initandlisten", "Setting new configuration state",
                "\"attr\":{\"newState\":\"ConfigReplicationDisabled\",\"oldState\":\"ConfigPreStart\"}");
        info("STORAGE", 22262, "initandlisten", "Timestamp monitor starting", "");
        info("STORAGE", 7333401, "initandlisten", "Starting the DiskSpaceMonitor", "");
        info("NETWORK", 23015, "listener", "Listening on", "\"attr\":{\"address\":\"/tmp/mongodb-27017.sock\"}");
        info("NETWORK", 23015, "listener", "Listening on", "\"attr\":{\"address\":\"" + address + ":27017\"}");
        info("NETWORK", 23016, "listener", "Waiting for connections", "\"attr\":{\"port\":27017,\"ssl\":\"off\"}");
        info("CONTROL", 8423403, "initandlisten", "mongod startup complete", "\"attr\":{\"Summary of time elapsed\":{\"Startup from clean"
                + " shutdown?\":true,\"Statistics\":{\"setUpPeriodicRunnerMillis\":0,\"setUpOCSPMillis\":0,\"setUpTransportLayerMillis\":0,"
                + "\"initSyncCrashRecoveryMillis\":0,\"createLockFileMillis\":0,\"getStorageEngineMetadataMillis\":0,"
                + "\"createStorageEngineMillis\":86,\"writePIDMillis\":0,\"writeNewMetadataMillis\":0,\"initializeFCVForIndexMillis\":0,"
                + "\"dropAbandonedIdentsMillis\":0,\"standaloneClusterParamsMillis\":0,\"userAndRolesGraphMillis\":0,"
                + "\"waitForMajorityServiceMillis\":0,\"startUpReplCoordMillis\":0,\"recoverChangeStreamMillis\":0,"
                + "\"logStartupOptionsMillis\":0,\"startUpTransportLayerMillis\":0,\"initAndListenTotalMillis\":106}}}");
    }

    /** PID 1 took {@code signal} (SIGTERM, SIGINT): the signal handler's lines, then the shutdown's first and last. */
    public void shutdown(Signal signal) {
        shutdown(signal, 0); // docker stop's signal comes from outside the container's PID namespace
    }

    /** The shutdown on {@code signal} sent by the process {@code sender} of the container's PID namespace (0: from outside it). */
    private void shutdown(Signal signal, int sender) {
        String name = signal == Signal.SIGINT ? "Interrupt" : "Terminated";
        info("CONTROL", 23377, "SignalHandler", "Received signal", "\"attr\":{\"signal\":" + signal.number() + ",\"error\":\"" + name + "\"}");
        info("CONTROL", 23378, "SignalHandler", "Signal was sent by kill(2)", "\"attr\":{\"pid\":" + sender + ",\"uid\":0}");
        info("CONTROL", 23381, "SignalHandler", "will terminate after current cmd ends", "");
        info("NETWORK", 20562, "SignalHandler", "Shutdown: going to close listening sockets", "");
        info("CONTROL", 20565, "SignalHandler", "Now exiting", "");
        info("CONTROL", 23138, "SignalHandler", "Shutting down", "\"attr\":{\"exitCode\":0}");
    }
}
