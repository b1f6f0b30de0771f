package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The run settings our topology YAML and a compose file's {@code x-dockwire} share:
 * {@code capture: {bridges, loopback, host, interfaces, filter}} and {@code images: {NAME: {http: PORT, answer: hostname|TEXT}}}.
 */
final class RunExtras {
    private static final Set<String> CAPTURE_KEYS = Set.of("bridges", "loopback", "host", "interfaces", "filter");

    private final YamlFields f;

    RunExtras(YamlFields f) {
        this.f = f;
    }

    Topology.CaptureSpec capture(YamlNode cap, String path) {
        if (cap == null || cap.value() == null) {
            return new Topology.CaptureSpec(true, null);
        }
        f.requireMap(cap, path);
        f.checkKeys(cap.map(), CAPTURE_KEYS, path);
        boolean bridges = !cap.map().containsKey("bridges") || f.bool(cap.map().get("bridges"), path + ".bridges");
        boolean loopback = cap.map().containsKey("loopback") && f.bool(cap.map().get("loopback"), path + ".loopback");
        boolean host = cap.map().containsKey("host") && f.bool(cap.map().get("host"), path + ".host");
        YamlNode ifaces = cap.map().get("interfaces");
        List<String> interfaces = ifaces == null ? List.of() : f.strings(ifaces, path + ".interfaces");
        return new Topology.CaptureSpec(bridges, loopback, host, interfaces, f.optional(cap, "filter", path));
    }

    List<Script.ImageDecl> images(YamlNode img, String path) {
        List<Script.ImageDecl> images = new ArrayList<>();
        if (img != null && img.value() != null) {
            f.requireMap(img, path);
            for (var e : img.map().entrySet()) {
                images.add(image(e.getKey(), e.getValue(), path + "." + e.getKey()));
            }
        }
        return images;
    }

    private Script.ImageDecl image(String name, YamlNode node, String path) {
        f.requireMap(node, path);
        f.checkKeys(node.map(), Set.of("http", "answer"), path);
        YamlNode port = node.map().get("http");
        if (port == null) {
            throw f.error(node, path + ".http", "missing: the port the image's HTTP server listens on");
        }
        int p = f.integer(port, path + ".http", 1, 65535, "a port");
        String answer = f.optional(node, "answer", path);
        return new Script.ImageDecl(name, p, answer == null || answer.equals("hostname") ? null : answer);
    }
}
