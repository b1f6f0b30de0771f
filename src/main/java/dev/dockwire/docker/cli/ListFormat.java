package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code --format} of the docker CLI's list commands, as docker/cli's formatter.Context
 * writes it (cli/command/formatter/formatter.go): {@code table} alone or empty is the command's
 * default table, {@code table TEMPLATE} a table of the template's cells with the header the same
 * template renders over the column names, {@code json} is {@code {{json .}}} (one object per
 * line), anything else a template run once per row. {@code \t} and {@code \n} are expanded first
 * (preFormat); tables go through the CLI's tab writer.
 */
final class ListFormat {
    /** {@code --format json}: every row as one line of JSON (formatter.JSONFormat). */
    static final String JSON = "{{json .}}";

    /**
     * A row of a list: its fields in key order, as docker/cli's formatter marshals a row
     * (formatter.MarshalJSON: each field of the context, keys sorted, HTML characters escaped as
     * encoding/json does), and functions a template may call with an argument ({@code .Label "k"}).
     */
    static final class Row extends TreeMap<String, Object> {
        private final Map<String, Function<String, Object>> functions = new TreeMap<>();
        /** The formatter context's Go type ({@code *formatter.ContainerContext}), which text/template's errors name; null when unnamed. */
        private String goType;

        Row typed(String type) {
            this.goType = type;
            return this;
        }

        String goType() {
            return goType;
        }

        Row function(String name, Function<String, Object> f) {
            functions.put(name, f);
            return this;
        }

        Function<String, Object> function(String name) {
            return functions.get(name);
        }
    }

    private ListFormat() {
    }

    /**
     * The lines {@code format} prints for {@code rows}: {@code defaultTable} when it is empty or
     * {@code table}; {@code header} names each field's column and answers {@code .Label "k"} as
     * the header context does (the label's last dotted part).
     */
    static List<String> write(String format, String defaultTable, Row header, List<Row> rows) {
        String source = format == null || format.isEmpty() || format.equals("table") ? defaultTable
                : format.equals("json") ? JSON : format;
        boolean table = source.startsWith("table");
        String template = GoTemplate.preFormat((table ? source.substring("table".length()) : source).strip());
        GoTemplate.check(template); // formatter.Context parseFormat: before any row
        StringBuilder buffer = new StringBuilder();
        for (Row row : rows) {
            buffer.append(GoTemplate.render(template, row)).append('\n');
        }
        if (!table) {
            return lines(buffer.toString());
        }
        String head;
        try {
            head = GoTemplate.renderHeader(template, header);
        } catch (GoTemplate.ExecError e) {
            head = e.printed(); // formatter.Context postFormat ignores the header's error: what it wrote, then the rows
        }
        String text = head + "\n" + buffer;
        return TabWriter.format(lines(text));
    }

    /** A header context: each field's column name, and {@code .Label "a.b-c"} as {@code b c}. */
    static Row header(String... fieldsAndNames) {
        Row h = new Row();
        for (int i = 0; i < fieldsAndNames.length; i += 2) {
            h.put(fieldsAndNames[i], fieldsAndNames[i + 1]);
        }
        return h.function("Label", name -> {
            String[] parts = name.split("\\.");
            return parts[parts.length - 1].replace('-', ' ').replace('_', ' ');
        });
    }

    /** {@code text} split at newlines, without the empty piece after the last one. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
