package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** jsonmessage's JSONProgress.String as {@code docker load} renders a layer's bytes at a terminal. */
class LoadProgressTest {
    @Test
    void numbersOnlyUpTo110Columns() {
        assertEquals(" 2.048kB/2.048kB", ImageArchiveCommands.progress(2048, 2048, 80), "%8v/%v: recorded in a pty with the 28.2 client");
        assertEquals(" 8.704MB/8.704MB", ImageArchiveCommands.progress(8_704_000, 8_704_000, 110));
    }

    @Test
    void aBarOnWiderTerminals() {
        assertEquals("[" + "=".repeat(50) + ">]  2.048kB/2.048kB", ImageArchiveCommands.progress(2048, 2048, 120));
        assertEquals("[" + "=".repeat(25) + ">" + " ".repeat(25) + "]     512B/1.024kB", ImageArchiveCommands.progress(512, 1024, 111));
    }
}
