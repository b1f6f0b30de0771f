package dev.dockwire.app;

/**
 * A terminal's size as ioctl(TIOCGWINSZ) answers it (struct winsize's ws_row and ws_col): what a
 * program at {@code docker run -t}, {@code docker exec -t} or the live prompt learns of its window.
 * 0 is a size nobody set (the pty runc makes before the client's first resize), which programs
 * take as their own default (80 columns for ls).
 */
public record Winsize(int rows, int columns) {
    /** The pty of {@code docker run -t}/{@code docker exec -t} when the client sends no size: 24 rows of 80 columns. */
    public static final Winsize DEFAULT = new Winsize(24, 80);
}
