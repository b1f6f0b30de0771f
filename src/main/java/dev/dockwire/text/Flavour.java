package dev.dockwire.text;

/** Whose texts a tool prints: GNU's (coreutils, sed, mawk as Debian's {@code awk}) or BusyBox's applets. */
public enum Flavour {
    GNU,
    BUSYBOX
}
