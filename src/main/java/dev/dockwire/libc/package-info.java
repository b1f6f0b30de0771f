/**
 * What the C library says for the programs that link it: getopt's error messages as glibc and musl
 * word them ({@link dev.dockwire.libc.Getopt}), so a program prints its image's libc's text (BusyBox in
 * alpine is musl's; Debian's tools are glibc's). Depends on nothing.
 */
package dev.dockwire.libc;
