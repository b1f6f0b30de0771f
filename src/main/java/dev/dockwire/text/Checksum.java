package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code md5sum}, {@code sha1sum}, {@code sha256sum}, {@code sha512sum} (and GNU's {@code sha224sum},
 * {@code sha384sum}): print each input's digest as {@code HEX  NAME} ({@code -} for stdin), or with
 * {@code -c} read such lines and check each file. Two flavours: coreutils' md5sum.c (digest_check's
 * per-file warnings, {@code --tag}'s BSD lines, {@code --quiet}/{@code --status}/{@code --strict}/
 * {@code --ignore-missing}) and BusyBox's coreutils/md5_sha1_sum.c ({@code -c[sw]}: one closing
 * {@code WARNING: N of M computed checksums did NOT match}, where a line without {@code "  "} or
 * {@code " *"} counts as a failed one). A file's text is its bytes in UTF-8; a pipe's last line may lack
 * its newline ({@link Lines}).
 */
final class Checksum implements TextTool {
    private static final Map<String, String> ALGORITHMS = Map.of("md5sum", "MD5", "sha1sum", "SHA-1", "sha224sum", "SHA-224",
            "sha256sum", "SHA-256", "sha384sum", "SHA-384", "sha512sum", "SHA-512");
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("bctwz", Map.of("binary", "b", "check", "c", "tag", "tag",
            "text", "t", "warn", "w", "zero", "z", "quiet", "quiet", "status", "status", "strict", "strict", "ignore-missing",
            "ignore-missing"));
    /** md5_sha1_sum.c's getopt32 "scw" (FEATURE_MD5_SHA1_SUM_CHECK), and sha3sum's "scwa:". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("scw", Map.of());
    private static final ToolOptions.Spec BUSYBOX_SHA3 = new ToolOptions.Spec("scwa:", Map.of());

    private final String tool;
    private final String algorithm;

    private Checksum(String tool, String algorithm) {
        this.tool = tool;
        this.algorithm = algorithm;
    }

    /** The tools by name, each as its own {@link TextTool}; {@code sha3sum} (BusyBox's alone) picks its size with {@code -a}. */
    static Map<String, TextTool> tools() {
        Map<String, TextTool> out = new java.util.LinkedHashMap<>();
        for (String name : List.of("md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum")) {
            out.put(name, new Checksum(name, ALGORITHMS.get(name)));
        }
        out.put("sha3sum", new Checksum("sha3sum", null));
        return out;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, tool, 1, algorithm == null ? BUSYBOX_SHA3 : GNU, algorithm == null ? BUSYBOX_SHA3 : BUSYBOX,
                args);
        if (o.error() != null) {
            return o.error();
        }
        if (algorithm == null) {
            String bits = o.given().getOrDefault("a", "224");
            if (!List.of("224", "256", "384", "512").contains(bits)) {
                return TextResult.fail(1, tool + ": bad -a" + bits);
            }
            return new Checksum(tool, "SHA3-" + bits).sum(o, stdin, ctx);
        }
        return sum(o, stdin, ctx);
    }

    private TextResult sum(ToolOptions o, List<String> stdin, TextContext ctx) {
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        Out out = new Out();
        if (o.has("c")) {
            for (String f : files) {
                check(f, stdin, ctx, o, out);
            }
        } else {
            for (String f : files) {
                String digest = digest(f, stdin, ctx, out);
                if (digest != null) {
                    out.line(o.has("tag") ? tagName() + " (" + f + ") = " + digest
                            : digest + (o.has("b") ? " *" : "  ") + f);
                }
            }
        }
        return new TextResult(out.failed ? 1 : 0, out.lines, out.errors);
    }

    /** One checksum file: each line's file digested and compared. */
    private void check(String sums, List<String> stdin, TextContext ctx, ToolOptions o, Out out) {
        String text = sums.equals("-") ? Lines.text(stdin == null ? List.of() : stdin) : ctx.files().read(sums);
        if (text == null) {
            out.error(tool + ": " + sums + ": No such file or directory");
            out.failed = true;
            return;
        }
        boolean busybox = ctx.flavour() == Flavour.BUSYBOX;
        boolean quiet = busybox ? o.has("s") : o.has("quiet") || o.has("status");
        boolean silent = busybox ? o.has("s") : o.has("status");
        int total = 0;
        int improper = 0;
        int unreadable = 0;
        int mismatched = 0;
        int proper = 0;
        int lineNo = 0;
        for (String line : text.lines().toList()) {
            lineNo++;
            String[] entry = parse(line, busybox);
            total++;
            if (entry == null) {
                improper++;
                if (o.has("w")) {
                    out.error(busybox ? tool + ": invalid format"
                            : tool + ": " + name(sums) + ": " + lineNo + ": improperly formatted " + tagName() + " checksum line");
                }
                continue;
            }
            proper++;
            String file = entry[1];
            if (!busybox && o.has("ignore-missing") && !file.equals("-") && ctx.files().read(file) == null) {
                continue;
            }
            String digest = digest(file, stdin, ctx, out);
            if (digest == null) {
                unreadable++;
                if (!silent) {
                    out.line(file + (busybox ? ": FAILED" : ": FAILED open or read"));
                }
            } else if (!digest.equals(entry[0].toLowerCase(Locale.ROOT))) {
                mismatched++;
                if (!silent) {
                    out.line(file + ": FAILED");
                }
            } else if (!quiet) {
                out.line(file + ": OK");
            }
        }
        if (busybox) {
            int failed = improper + unreadable + mismatched;
            if (failed > 0) {
                out.failed = true;
                if (!silent) {
                    out.error(tool + ": WARNING: " + failed + " of " + total + " computed checksums did NOT match");
                }
            }
            return;
        }
        if (proper == 0) {
            out.error(tool + ": " + name(sums) + ": no properly formatted checksum lines found");
            out.failed = true;
            return;
        }
        if (!silent) {
            warn(out, improper, "line is improperly formatted", "lines are improperly formatted");
            warn(out, unreadable, "listed file could not be read", "listed files could not be read");
            warn(out, mismatched, "computed checksum did NOT match", "computed checksums did NOT match");
        }
        if (unreadable > 0 || mismatched > 0 || (o.has("strict") && improper > 0)) {
            out.failed = true;
        }
    }

    private void warn(Out out, int n, String one, String many) {
        if (n > 0) {
            out.error(tool + ": WARNING: " + n + " " + (n == 1 ? one : many));
        }
    }

    /**
     * A check line's digest and file name, or null when it is not one: {@code HEX  NAME} or {@code HEX *NAME}
     * (BusyBox looks for those separators anywhere); GNU also reads {@code --tag}'s {@code ALGO (NAME) = HEX}
     * and wants the digest's length in hex digits.
     */
    private String[] parse(String line, boolean busybox) {
        int sep = line.indexOf("  ");
        if (sep < 0) {
            sep = line.indexOf(" *");
        }
        if (busybox) {
            return sep < 0 ? null : new String[] {line.substring(0, sep), line.substring(sep + 2)};
        }
        String tag = tagName() + " (";
        if (line.startsWith(tag) && line.contains(") = ")) {
            int end = line.lastIndexOf(") = ");
            return hex(line.substring(end + 4)) ? new String[] {line.substring(end + 4), line.substring(tag.length(), end)} : null;
        }
        if (sep < 0 || !hex(line.substring(0, sep))) {
            return null;
        }
        return new String[] {line.substring(0, sep), line.substring(sep + 2)};
    }

    private boolean hex(String s) {
        if (s.length() != digestLength() * 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The digest of file {@code f} ({@code -}: stdin) in lower-case hex, or null after the tool's error for it. */
    private String digest(String f, List<String> stdin, TextContext ctx, Out out) {
        String text = f.equals("-") ? Lines.text(stdin == null ? List.of() : stdin) : ctx.files().read(f);
        if (text == null) {
            out.error(ctx.missing(tool, f));
            out.failed = true;
            return null;
        }
        return HexFormat.of().formatHex(messageDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private MessageDigest messageDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is in every JDK", e);
        }
    }

    private int digestLength() {
        return messageDigest().getDigestLength();
    }

    /** The algorithm's name in {@code --tag} lines and in {@code -w}'s warning: MD5, SHA1, SHA256. */
    private String tagName() {
        return algorithm.replace("-", "");
    }

    private static String name(String sums) {
        return sums.equals("-") ? "standard input" : sums;
    }

    /** What the tool printed so far, its stderr lines named, and whether it fails. */
    private static final class Out {
        final List<String> lines = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        boolean failed;

        void line(String s) {
            lines.add(s);
        }

        void error(String s) {
            lines.add(s);
            errors.add(s);
        }
    }
}
