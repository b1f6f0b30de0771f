package dev.dockwire.text;

/**
 * What the real BusyBox on this machine (Debian's busybox-static 1.35, linked with glibc) printed, as alpine's
 * 1.36.1 build (linked with musl) prints it: musl's getopt words, alpine's banner, and the applets' usage texts
 * as 1.36.1 has them (busybox's git diff 1_35_0..1_36_1 adds sort's -h and xargs' -o; Debian patches cut's
 * "delimeter").
 */
public final class BusyboxAsAlpine {
    private BusyboxAsAlpine() {
    }

    /** {@code stderr} of the real busybox, as alpine's would print it. */
    public static String stderr(String debian) {
        return debian.replaceAll("(?m)^BusyBox v1\\.35\\.0 \\(Debian [^)]*\\) multi-call binary\\.$", dev.dockwire.libc.BusyboxUsage.BANNER)
                .replaceAll("(?m)^(\\w+): invalid option -- '(.)'$", "$1: unrecognized option: $2")
                .replaceAll("(?m)^(\\w+): unrecognized option '--(.*)'$", "$1: unrecognized option: $2")
                .replaceAll("(?m)^(\\w+): option requires an argument -- '(.)'$", "$1: option requires an argument: $2")
                .replace("Field delimiter for output", "Field delimeter for output")
                .replace("lines without delimiter\n", "lines without delimeter\n")
                .replace("Usage: sort [-nrugMcszbdfiokt]", "Usage: sort [-nrughMcszbdfiokt]")
                .replace("\tGeneral numerical sort\n", "\tGeneral numerical sort\n\t-h\tSort human readable numbers (2K 1G)\n")
                .replace("\tRead from FILE instead of stdin\n", "\tRead from FILE instead of stdin\n\t-o\tReopen stdin as /dev/tty\n");
    }
}
