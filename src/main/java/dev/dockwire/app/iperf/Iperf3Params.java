package dev.dockwire.app.iperf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test parameters the client sends in PARAM_EXCHANGE, as iperf3's JSON
 * ({@code {"tcp":true,"time":10,"num":0,"len":131072,...}}, send_parameters in iperf_api.c).
 *
 * @param timeSecs {@code -t}; ignored when {@code bytes} is set
 * @param bytes {@code -n}, 0 = run for {@code timeSecs}
 * @param len {@code -l}: bytes per write, or per datagram
 * @param rateBps {@code -b} in bits per second, 0 = unlimited
 */
record Iperf3Params(boolean udp, boolean reverse, double timeSecs, long bytes, int len, long rateBps) {

    String toJson() {
        return String.format(Locale.ROOT, "{\"%s\":true,\"omit\":0,\"time\":%s,\"num\":%d,\"blockcount\":0,\"parallel\":1,"
                        + "%s\"len\":%d,\"bandwidth\":%d,\"pacing_timer\":1000,\"client_version\":\"3.16\"}",
                udp ? "udp" : "tcp", number(timeSecs), bytes, reverse ? "\"reverse\":true," : "", len, rateBps);
    }

    static Iperf3Params fromJson(String json) {
        return new Iperf3Params(json.contains("\"udp\":true"), json.contains("\"reverse\":true"), field(json, "time"),
                (long) field(json, "num"), (int) field(json, "len"), (long) field(json, "bandwidth"));
    }

    /** A number in a flat JSON object iperf3 wrote (ours: keys are unique, values plain). */
    static double field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.eE+-]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
