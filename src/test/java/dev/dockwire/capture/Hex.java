package dev.dockwire.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Golden bytes written field by field: hex groups (spaces ignored) and ASCII text. */
final class Hex {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Hex hex(String hex) {
        String h = hex.replace(" ", "");
        for (int i = 0; i < h.length(); i += 2) {
            out.write(Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return this;
    }

    Hex ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static String dump(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(i % 16 == 0 ? (i == 0 ? "" : "\n") : " ").append(String.format("%02x", b[i]));
        }
        return sb.toString();
    }
}
