package dev.dockwire.docker.cli;

/** docker/go-units' size parsing, which the client's size flags and {@code --mount tmpfs-size} use (size.go). */
final class GoUnits {
    private GoUnits() {
    }

    /** RAMInBytes: binary multiples ({@code b}, {@code k}, {@code kb}, {@code kib}, ...); the error's text as the message. */
    static long ramInBytes(String v) {
        int sep = -1;
        for (int i = v.length() - 1; i >= 0; i--) {
            if ("01234567890. ".indexOf(v.charAt(i)) >= 0) {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            throw new IllegalArgumentException("invalid size: '" + v + "'");
        }
        String num = v.charAt(sep) == ' ' ? v.substring(0, sep) : v.substring(0, sep + 1);
        String sfx = v.substring(sep + 1).toLowerCase(java.util.Locale.ROOT);
        double size;
        try {
            if (!num.matches("[0-9.]+")) {
                throw new NumberFormatException();
            }
            size = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + num + "\": invalid syntax");
        }
        if (sfx.isEmpty() || sfx.equals("b")) {
            return (long) size;
        }
        int at = "kmgtp".indexOf(sfx.charAt(0));
        boolean ok = sfx.length() <= 3 && at >= 0 && (sfx.length() == 1 || sfx.length() == 2 && sfx.charAt(1) == 'b'
                || sfx.length() == 3 && sfx.substring(1).equals("ib"));
        if (!ok) {
            throw new IllegalArgumentException("invalid suffix: '" + sfx + "'");
        }
        return (long) (size * Math.pow(1024, at + 1));
    }
}
