package dev.dockwire.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-screen coreutils: {@code nl}, {@code rev}, {@code seq}, {@code basename}, {@code dirname}. */
final class SmallTools {
    private SmallTools() {
    }

    /** {@code nl}: numbers non-empty lines as {@code %6d<TAB>}, an empty one is indented by 7 blanks (nl -b t). */
    static TextResult nl(List<String> args, List<String> stdin, TextContext ctx) {
        Input in = Input.of("nl", args, stdin, ctx);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String l : in.lines) {
            out.add(l.isEmpty() ? "       " : String.format(Locale.ROOT, "%6d\t%s", ++n, l));
        }
        return in.result(out);
    }

    /** {@code rev}: each line backwards. */
    static TextResult rev(List<String> args, List<String> stdin, TextContext ctx) {
        Input in = Input.of("rev", args, stdin, ctx);
        return in.result(in.lines.stream().map(l -> new StringBuilder(l).reverse().toString()).toList());
    }

    /** {@code seq [-w] [-s SEP] [FIRST [INCR]] LAST}: decimal steps keep the widest operand's fraction digits. */
    static TextResult seq(List<String> args, List<String> stdin, TextContext ctx) {
        String sep = "\n";
        boolean equalWidth = false;
        List<String> nums = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-w")) {
                equalWidth = true;
            } else if (a.equals("-s") && i + 1 < args.size()) {
                sep = args.get(++i);
            } else if (a.startsWith("-s") && a.length() > 2) {
                sep = a.substring(2);
            } else {
                nums.add(a);
            }
        }
        if (nums.isEmpty()) {
            return ctx.usage("seq", 1, "missing operand");
        }
        if (nums.size() > 3) {
            return ctx.usage("seq", 1, "extra operand " + ctx.quote(nums.get(3)));
        }
        BigDecimal first;
        BigDecimal incr;
        BigDecimal last;
        int scale = 0;
        try {
            for (String s : nums) {
                scale = Math.max(scale, new BigDecimal(s).scale());
            }
            first = nums.size() > 1 ? new BigDecimal(nums.get(0)) : BigDecimal.ONE;
            incr = nums.size() > 2 ? new BigDecimal(nums.get(1)) : BigDecimal.ONE;
            last = new BigDecimal(nums.get(nums.size() - 1));
        } catch (NumberFormatException e) {
            String bad = nums.stream().filter(s -> !s.matches("-?\\d*\\.?\\d+")).findFirst().orElse(nums.get(0));
            return ctx.usage("seq", 1, "invalid floating point argument: " + ctx.quote(bad));
        }
        if (incr.signum() == 0) {
            return ctx.usage("seq", 1, "invalid Zero increment value: " + ctx.quote(nums.get(1)));
        }
        int digits = Math.max(0, scale);
        int width = 0;
        if (equalWidth) { // the widest value is at one end: the first or the last the steps reach
            BigDecimal reached = last.subtract(first).divide(incr, 0, java.math.RoundingMode.DOWN).multiply(incr).add(first);
            width = Math.max(format(first, digits).length(), format(reached, digits).length());
        }
        List<String> values = new ArrayList<>();
        boolean lines = sep.equals("\n");
        for (BigDecimal v = first; incr.signum() > 0 ? v.compareTo(last) <= 0 : v.compareTo(last) >= 0; v = v.add(incr)) {
            String text = format(v, digits);
            text = equalWidth && !text.startsWith("-") ? "0".repeat(Math.max(0, width - text.length())) + text : text;
            if (lines && !ctx.out().write(text)) {
                return new TextResult(ctx.out().stoppedStatus(), values); // its reader is gone (SIGPIPE), or the pipe is past what dockwire holds
            }
            values.add(text);
        }
        if (values.isEmpty()) {
            return TextResult.ok(List.of());
        }
        return TextResult.ok(sep.equals("\n") ? values : List.of(String.join(sep, values)));
    }

    private static String format(BigDecimal v, int digits) {
        return v.setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code basename NAME [SUFFIX]}. */
    static TextResult basename(List<String> args, List<String> stdin, TextContext ctx) {
        if (args.isEmpty()) {
            return ctx.usage("basename", 1, "missing operand");
        }
        if (args.size() > 2) {
            return ctx.usage("basename", 1, "extra operand " + ctx.quote(args.get(2)));
        }
        String name = args.get(0).replaceAll("/+$", "");
        if (name.isEmpty()) {
            return TextResult.ok(List.of(args.get(0).isEmpty() ? "" : "/"));
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        if (args.size() == 2 && name.endsWith(args.get(1)) && !name.equals(args.get(1))) {
            name = name.substring(0, name.length() - args.get(1).length());
        }
        return TextResult.ok(List.of(name));
    }

    /** {@code dirname NAME...}. */
    static TextResult dirname(List<String> args, List<String> stdin, TextContext ctx) {
        if (args.isEmpty()) {
            return ctx.usage("dirname", 1, "missing operand");
        }
        List<String> out = new ArrayList<>();
        for (String a : args) {
            String s = a.replaceAll("/+$", "");
            int slash = s.lastIndexOf('/');
            if (a.startsWith("/") && s.isEmpty()) {
                out.add("/");
            } else if (slash < 0) {
                out.add(".");
            } else {
                String d = s.substring(0, slash).replaceAll("/+$", "");
                out.add(d.isEmpty() ? "/" : d);
            }
        }
        return TextResult.ok(out);
    }
}
