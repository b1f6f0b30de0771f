package dev.dockwire.run;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The order of a several-host script's lines across the processes that run it ({@code dockwire run
 * --host}): each process tells the others how many lines it has finished, and a process starts line
 * N only once every other has finished line N-1, as the one shell of a one-process run orders them.
 * Every process replays the whole control plane, so without this a process ran ahead of the one
 * that really runs a host: it pinged alpine2 while alpine2's process had not yet created alpine2,
 * whose VTEP (no vxlan socket open yet) dropped the echo requests, and busybox's {@code ping -c 2}
 * sends no third. Real Docker has the same order from its gossip: a host learns a remote container's
 * name and its overlay peer entry (NetworkDB's endpoint table) only after that host created it.
 *
 * <p>The announcement is one UDP datagram, {@code dockwire lines HOST N} ({@code end} once the
 * script is done), sent on every change and repeated while its sender waits; a datagram lost
 * before its receiver bound its port is made good by the next. A process silent for
 * {@link #SILENCE_NANOS} while another waits on it is given up (not started, or gone), so a
 * lone process still ends. This class holds the state and the words; {@link Distributed} runs the
 * loop and sends.
 */
final class LineBarrier {
    /** How long a waiting process listens for a peer before going on without it. */
    static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How often a waiting process repeats its own announcement. */
    static final long REPEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    static final int END = Integer.MAX_VALUE;
    private static final String PREFIX = "dockwire lines ";

    /** What this process knows of one other: lines finished, when it was last heard, given up. */
    private static final class Peer {
        int finished;
        long heardAt;
        boolean absent;

        Peer(long now) {
            heardAt = now;
        }
    }

    private final String self;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private int finished;

    /** {@code self} runs in this process; {@code others} each in their own; {@code now} starts their silence. */
    LineBarrier(String self, Iterable<String> others, long now) {
        this.self = self;
        for (String o : others) {
            peers.put(o, new Peer(now));
        }
    }

    /** This process finished line {@code line} (from 1). */
    void finished(int line) {
        finished = Math.max(finished, line);
    }

    /** This process ran the script's last line. */
    void end() {
        finished = END;
    }

    /** Lines this process finished ({@link #END} at the end). */
    int finished() {
        return finished;
    }

    /**
     * The peers line {@code line} waits for: present ones that have not finished the line before
     * ({@code line} {@link #END}: not ended).
     */
    List<String> holding(int line) {
        List<String> out = new ArrayList<>();
        int before = line == END ? END : line - 1;
        peers.forEach((name, p) -> {
            if (!p.absent && p.finished < before) {
                out.add(name);
            }
        });
        return out;
    }

    /**
     * Peers holding line {@code line} that have not been heard for {@link #SILENCE_NANOS} by
     * {@code now}: they are given up (not waited for again, unless they speak).
     */
    List<String> giveUp(int line, long now) {
        List<String> out = new ArrayList<>();
        for (String name : holding(line)) {
            Peer p = peers.get(name);
            if (now - p.heardAt >= SILENCE_NANOS) {
                p.absent = true;
                out.add(name);
            }
        }
        return out;
    }

    /** Lines {@code peer} has finished as far as this process heard. */
    int finishedBy(String peer) {
        Peer p = peers.get(peer);
        return p == null ? 0 : p.finished;
    }

    /** This process's announcement, for every peer. */
    ByteBuf announcement() {
        String text = PREFIX + self + " " + (finished == END ? "end" : String.valueOf(finished));
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    /**
     * Takes a peer's announcement received at {@code now}; what is not one (another text, a name
     * not among the peers) is ignored. A count below one heard before (a late datagram) moves nothing back.
     */
    void heard(ByteBuf payload, long now) {
        String text = payload.toString(payload.readerIndex(), payload.readableBytes(), StandardCharsets.US_ASCII);
        if (!text.startsWith(PREFIX)) {
            return;
        }
        String[] w = text.substring(PREFIX.length()).split(" ");
        Peer p = w.length == 2 ? peers.get(w[0]) : null;
        if (p == null) {
            return;
        }
        int n;
        try {
            n = w[1].equals("end") ? END : Integer.parseInt(w[1]);
        } catch (NumberFormatException e) {
            return;
        }
        p.absent = false;
        p.heardAt = now;
        p.finished = Math.max(p.finished, n);
    }
}
