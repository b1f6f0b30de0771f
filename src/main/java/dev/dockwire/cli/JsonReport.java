package dev.dockwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockwire.run.Session;
import dev.dockwire.run.StepResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dockwire run --json}: the run as one JSON object: the file and its kind, whether it
 * passed, every step (line, command, status, output, expectations, failures) and every capture
 * file with its frame count.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(String file, InputKind kind, Session.Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file);
        root.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        root.put("ok", report.ok());
        List<Object> steps = new ArrayList<>();
        for (StepResult s : report.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", s.line());
            m.put("command", s.command());
            m.put("status", s.status());
            m.put("ok", s.ok());
            m.put("expectations", s.expectations());
            m.put("failures", s.failures());
            m.put("output", s.output());
            steps.add(m);
        }
        root.put("steps", steps);
        List<Object> captures = new ArrayList<>();
        for (Session.CaptureResult c : report.captures()) {
            captures.add(Map.of("path", c.path().toString(), "frames", c.frames()));
        }
        root.put("captures", captures);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
