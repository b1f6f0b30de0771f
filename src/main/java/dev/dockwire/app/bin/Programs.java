package dev.dockwire.app.bin;

import dev.dockwire.app.Program;
import dev.dockwire.app.bin.ping.BusyboxPing;
import dev.dockwire.app.bin.ping.IputilsPing;
import dev.dockwire.app.iperf.Iperf3;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The programs a container can run by name ({@code docker exec CTR NAME ARGS...}). */
public final class Programs {
    private static final Map<String, Supplier<Program>> BY_NAME = new TreeMap<>();

    static {
        BY_NAME.put("ping", IputilsPing::new);
        BY_NAME.put("nslookup", BindNslookup::new);
        BY_NAME.put("dig", Dig::new);
        BY_NAME.put("curl", Curl::new);
        BY_NAME.put("iperf3", Iperf3::new);
        BY_NAME.put("echo", Echo::new);
        BY_NAME.put("sleep", Sleep::new);
        BY_NAME.put("true", () -> new Status(0));
        BY_NAME.put("false", () -> new Status(1));
        BY_NAME.put("wget", GnuWget::new);
        BY_NAME.put("pg_isready", PgIsready::new);
        BY_NAME.put("redis-cli", RedisCli::new);
        BY_NAME.put("mysqladmin", () -> new Mysqladmin("mysqladmin", "/var/run/mysqld/mysqld.sock"));
        BY_NAME.put("mariadb-admin", () -> new Mysqladmin("mariadb-admin", "/run/mysqld/mysqld.sock"));
        BY_NAME.put("healthcheck.sh", MariadbHealthcheck::new);
        BY_NAME.put("nc", OpenbsdNc::new);
        BY_NAME.put("netcat", OpenbsdNc::new);
        BY_NAME.put("traceroute", DebianTraceroute::new);
        BY_NAME.put("uname", () -> new Uname(false));
        BY_NAME.put("nproc", () -> new Nproc(false));
        BY_NAME.put("hello", Hello::new);
    }

    /** BusyBox's own applets where the host's package writes the program otherwise. */
    private static final Map<String, Supplier<Program>> BUSYBOX_APPLETS = Map.of("ping", BusyboxPing::new,
            "nslookup", Nslookup::new, "nc", BusyboxNc::new, "traceroute", BusyboxTraceroute::new, "wget", Wget::new,
            "uname", () -> new Uname(true), "nproc", () -> new Nproc(true));

    private Programs() {
    }

    /** The names of the modelled programs, sorted. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /**
     * A fresh instance of {@code name} (or a path to it) as {@code provider}'s package writes it
     * (the catalogue's provider, {@code docker.engine.Images.lookup}): BusyBox's applets for
     * {@code busybox} (ping, nslookup, nc, traceroute, wget), else the program as the host's packages write
     * it (iputils' ping, bind9's nslookup, GNU wget, Debian's traceroute); null when none is modelled.
     */
    public static Program create(String provider, String name) {
        Supplier<Program> applet = BUSYBOX.equals(provider) ? BUSYBOX_APPLETS.get(name.substring(name.lastIndexOf('/') + 1)) : null;
        return applet != null ? applet.get() : create(name);
    }

    /** The provider whose applets are BusyBox's (images.yaml's {@code busybox} set, and images outside the catalogue). */
    public static final String BUSYBOX = "busybox";

    /** A fresh instance of the program called {@code name} (or a path to it, {@code /bin/echo}) as the host's packages write it, or null when none is modelled. */
    public static Program create(String name) {
        Supplier<Program> s = BY_NAME.get(name.substring(name.lastIndexOf('/') + 1));
        return s == null ? null : s.get();
    }
}
