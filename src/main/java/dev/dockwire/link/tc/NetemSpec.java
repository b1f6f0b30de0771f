package dev.dockwire.link.tc;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of a netem qdisc as {@code tc qdisc add ... netem OPTIONS} takes them (tc-netem(8)),
 * parsed with tc's checks and printed as {@code tc qdisc show} prints them.
 *
 * @param gap reorder gap; 1 when reordering is asked without one, as iproute2 sets it
 */
public record NetemSpec(int limit, long delayNanos, long jitterNanos, double delayCorr, Distribution distribution,
                        double loss, double lossCorr, GeModel gemodel, double duplicate, double duplicateCorr,
                        double corrupt, double corruptCorr, double reorder, double reorderCorr, int gap, long rateBps) {

    /** Delay distributions netem's tables provide. */
    public enum Distribution { UNIFORM, NORMAL, PARETO, PARETONORMAL }

    /** Gilbert–Elliott loss: p (good→bad), r (bad→good), loss in bad 1-h, loss in good 1-k. */
    public record GeModel(double p, double r, double oneMinusH, double oneMinusK) {
    }

    public static final int DEFAULT_LIMIT = 1000;

    /** Parses the words after {@code netem}; errors are worded like tc's. */
    public static NetemSpec parse(List<String> words) {
        int limit = DEFAULT_LIMIT;
        long delay = 0;
        long jitter = 0;
        double delayCorr = 0;
        Distribution dist = null;
        double loss = 0;
        double lossCorr = 0;
        GeModel ge = null;
        double dup = 0;
        double dupCorr = 0;
        double corrupt = 0;
        double corruptCorr = 0;
        double reorder = 0;
        double reorderCorr = 0;
        int gap = 0;
        long rate = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            try {
                switch (w) {
                    case "limit" -> limit = Integer.parseInt(arg(words, ++i, w));
                    case "delay", "latency" -> {
                        delay = TcUnits.time(arg(words, ++i, w));
                        if (isTime(words, i + 1)) {
                            jitter = TcUnits.time(words.get(++i));
                            if (isPercent(words, i + 1)) {
                                delayCorr = TcUnits.percent(words.get(++i));
                            }
                        }
                    }
                    case "distribution" -> {
                        String d = arg(words, ++i, w);
                        try {
                            dist = Distribution.valueOf(d.toUpperCase(java.util.Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("No distribution data for " + d + " (/usr/lib/tc/" + d + ".dist: No such file or directory)");
                        }
                    }
                    case "loss", "drop" -> {
                        String next = arg(words, ++i, w);
                        if (next.equals("gemodel")) {
                            double p = TcUnits.percent(arg(words, ++i, "gemodel"));
                            double r = isPercent(words, i + 1) ? TcUnits.percent(words.get(++i)) : 1 - p;
                            double h = isPercent(words, i + 1) ? TcUnits.percent(words.get(++i)) : 1;
                            double k = isPercent(words, i + 1) ? TcUnits.percent(words.get(++i)) : 0;
                            ge = new GeModel(p, r, h, k);
                        } else {
                            if (next.equals("random")) {
                                next = arg(words, ++i, "random");
                            }
                            loss = TcUnits.percent(next);
                            if (isPercent(words, i + 1)) {
                                lossCorr = TcUnits.percent(words.get(++i));
                            }
                        }
                    }
                    case "duplicate" -> {
                        dup = TcUnits.percent(arg(words, ++i, w));
                        if (isPercent(words, i + 1)) {
                            dupCorr = TcUnits.percent(words.get(++i));
                        }
                    }
                    case "corrupt" -> {
                        corrupt = TcUnits.percent(arg(words, ++i, w));
                        if (isPercent(words, i + 1)) {
                            corruptCorr = TcUnits.percent(words.get(++i));
                        }
                    }
                    case "reorder" -> {
                        reorder = TcUnits.percent(arg(words, ++i, w));
                        if (isPercent(words, i + 1)) {
                            reorderCorr = TcUnits.percent(words.get(++i));
                        }
                    }
                    case "gap" -> gap = Integer.parseInt(arg(words, ++i, w));
                    case "rate" -> rate = TcUnits.rate(arg(words, ++i, w));
                    default -> throw new IllegalArgumentException("What is \"" + w + "\"?");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Illegal \"" + w + "\"");
            }
        }
        if (dist != null && jitter == 0) {
            throw new IllegalArgumentException("distribution specified but no latency and jitter values");
        }
        if (reorder > 0) {
            if (delay == 0) {
                throw new IllegalArgumentException("reordering not possible without specifying some delay");
            }
            if (gap == 0) {
                gap = 1;
            }
        }
        return new NetemSpec(limit, delay, jitter, delayCorr, dist == null ? Distribution.UNIFORM : dist, loss, lossCorr, ge,
                dup, dupCorr, corrupt, corruptCorr, reorder, reorderCorr, gap, rate);
    }

    private static String arg(List<String> words, int i, String what) {
        if (i >= words.size()) {
            throw new IllegalArgumentException("Illegal \"" + what + "\"");
        }
        return words.get(i);
    }

    private static boolean isTime(List<String> words, int i) {
        return i < words.size() && words.get(i).matches("[0-9.]+(ns|us|usec|ms|msec|s|sec)?");
    }

    private static boolean isPercent(List<String> words, int i) {
        return i < words.size() && words.get(i).matches("[0-9.]+%");
    }

    /** The option text of {@code tc qdisc show}: {@code limit 1000 delay 100ms  10ms 25% loss 1%}. */
    public String format() {
        List<String> parts = new ArrayList<>();
        parts.add("limit " + limit);
        if (delayNanos > 0 || jitterNanos > 0) {
            StringBuilder d = new StringBuilder("delay ").append(TcUnits.formatTime(delayNanos));
            if (jitterNanos > 0) {
                d.append("  ").append(TcUnits.formatTime(jitterNanos));
                if (delayCorr > 0) {
                    d.append(' ').append(TcUnits.formatPercent(delayCorr));
                }
            }
            parts.add(d.toString());
        }
        if (gemodel != null) {
            parts.add("loss gemodel p " + TcUnits.formatPercent(gemodel.p()) + " r " + TcUnits.formatPercent(gemodel.r())
                    + " 1-h " + TcUnits.formatPercent(gemodel.oneMinusH()) + " 1-k " + TcUnits.formatPercent(gemodel.oneMinusK()));
        } else if (loss > 0) {
            parts.add("loss " + TcUnits.formatPercent(loss) + (lossCorr > 0 ? " " + TcUnits.formatPercent(lossCorr) : ""));
        }
        if (duplicate > 0) {
            parts.add("duplicate " + TcUnits.formatPercent(duplicate) + (duplicateCorr > 0 ? " " + TcUnits.formatPercent(duplicateCorr) : ""));
        }
        if (reorder > 0) {
            parts.add("reorder " + TcUnits.formatPercent(reorder) + " " + TcUnits.formatPercent(reorderCorr));
        }
        if (corrupt > 0) {
            parts.add("corrupt " + TcUnits.formatPercent(corrupt) + (corruptCorr > 0 ? " " + TcUnits.formatPercent(corruptCorr) : ""));
        }
        if (rateBps > 0) {
            parts.add("rate " + TcUnits.formatRate(rateBps));
        }
        if (gap > 0) {
            parts.add("gap " + gap);
        }
        return String.join(" ", parts);
    }
}
