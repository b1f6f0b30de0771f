package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.HostInfo;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker info --format} and {@code docker version --format}: the template over the
 * client's structs (cli/command/system/info.go dockerInfo with its embedded system.Info;
 * version.go versionInfo), run as formatInfo and prettyPrintVersion run it: what the template
 * printed, a newline, then the error it stopped at; a template that does not parse is a status of
 * 64, {@code template parsing error: ...}.
 */
final class SystemTemplates {
    private SystemTemplates() {
    }

    /** docker info's dockerInfo: the fields of moby's api/types/system.Info people format. */
    static GoStruct info(Engine engine) {
        HostInfo machine = HostInfo.of(engine);
        GoStruct info = new GoStruct(Map.of()).typed("system.dockerInfo");
        long running = engine.containers().stream().filter(Container::running).count();
        int all = engine.containers().size();
        info.put("ID", machine.id());
        info.put("Containers", all);
        info.put("ContainersRunning", (int) running);
        info.put("ContainersPaused", 0);
        info.put("ContainersStopped", (int) (all - running));
        info.put("Images", engine.images().pulled().size());
        info.put("Driver", "overlay2");
        Map<String, Object> plugins = new GoStruct(Map.of()).typed("system.PluginsInfo");
        plugins.put("Volume", List.of("local"));
        plugins.put("Network", List.of("bridge", "host", "macvlan", "null", "overlay"));
        plugins.put("Authorization", GoTemplate.NIL_SLICE);
        plugins.put("Log", List.of("awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"));
        info.put("Plugins", plugins);
        info.put("MemoryLimit", true);
        info.put("SwapLimit", true);
        info.put("IPv4Forwarding", true);
        info.put("Debug", false);
        info.put("LoggingDriver", "json-file");
        info.put("CgroupDriver", "systemd");
        info.put("CgroupVersion", "2");
        info.put("KernelVersion", machine.kernelVersion());
        info.put("OperatingSystem", SystemInfo.OPERATING_SYSTEM);
        info.put("OSVersion", "12");
        info.put("OSType", "linux");
        info.put("Architecture", "x86_64");
        info.put("IndexServerAddress", "https://index.docker.io/v1/");
        info.put("NCPU", machine.cpus());
        info.put("MemTotal", machine.memTotal());
        info.put("DockerRootDir", "/var/lib/docker");
        info.put("Name", engine.hostname());
        info.put("Labels", List.of());
        info.put("ExperimentalBuild", false);
        info.put("ServerVersion", DockerUsage.ENGINE_VERSION);
        info.put("DefaultRuntime", "runc");
        Swarm swarm = engine.swarm();
        Swarm.Node node = swarm == null ? null : swarm.node(engine);
        Map<String, Object> swarmInfo = new GoStruct(Map.of()).typed("swarm.Info");
        swarmInfo.put("NodeID", node == null ? "" : node.id());
        swarmInfo.put("NodeAddr", node == null ? "" : node.address());
        swarmInfo.put("LocalNodeState", node == null ? "inactive" : "active");
        swarmInfo.put("ControlAvailable", node != null && node.manager());
        info.put("Swarm", swarmInfo);
        info.put("LiveRestoreEnabled", false);
        info.put("Isolation", "");
        info.put("InitBinary", "docker-init");
        info.put("SecurityOptions", List.of("name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"));
        return info;
    }

    /** docker version's versionInfo: Client, and the Server the daemon reported. */
    static GoStruct version(Engine engine) {
        GoStruct client = new GoStruct(Map.of()).typed("system.clientVersion");
        client.put("Platform", platform("Docker Engine - Community"));
        client.put("Version", DockerUsage.CLIENT_VERSION);
        client.put("APIVersion", "1.50");
        client.put("DefaultAPIVersion", "1.50");
        client.put("GitCommit", "e6534b4");
        client.put("GoVersion", "go1.24.3");
        client.put("Os", "linux");
        client.put("Arch", "amd64");
        client.put("BuildTime", "Fri May 30 12:07:14 2025");
        client.put("Context", "default");
        GoStruct server = new GoStruct(Map.of()).typed("types.Version");
        server.put("Platform", platform("Docker Engine - Community"));
        server.put("Version", DockerUsage.ENGINE_VERSION);
        server.put("APIVersion", "1.50");
        server.put("MinAPIVersion", "1.24");
        server.put("GitCommit", "45873be");
        server.put("GoVersion", "go1.24.3");
        server.put("Os", "linux");
        server.put("Arch", "amd64");
        server.put("KernelVersion", HostInfo.of(engine).kernelVersion());
        server.put("Experimental", false);
        server.put("BuildTime", "2025-05-30T08:53:59.000000000+00:00");
        GoStruct v = new GoStruct(Map.of()).typed("system.versionInfo");
        v.put("Client", client);
        v.put("Server", server);
        return v;
    }

    private static GoStruct platform(String name) {
        GoStruct p = new GoStruct(Map.of()).typed("struct { Name string }");
        p.put("Name", name);
        return p;
    }

    /** {@code docker version [--format T]}. */
    static CommandOutput versionCommand(List<String> args, Engine engine) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("format", 'f', true)), true);
        if (f.has("format") && !f.get("format").isEmpty()) {
            return format("version", f.get("format"), version(engine));
        }
        return DockerUsage.version(args);
    }

    /** formatInfo / prettyPrintVersion: the template's text and a newline; then its error, status 1. */
    static CommandOutput format(String name, String template, Object data) {
        Map<String, GoTemplateTree.ListNode> unused = new LinkedHashMap<>();
        try {
            GoTemplateParser.parse(name, template, GoTemplateFuncs.BASIC.keySet(), unused);
        } catch (GoTemplate.ParseError e) {
            return CommandOutput.fail(64, "template parsing error: " + e.getMessage());
        }
        StringBuilder printed = new StringBuilder();
        String error = null;
        try {
            printed.append(GoTemplate.render(name, template, data));
        } catch (GoTemplate.ExecError e) {
            printed.append(e.printed());
            error = e.getMessage();
        }
        List<String> out = new ArrayList<>(List.of(printed.append('\n').toString().split("\n", -1)));
        out.remove(out.size() - 1);
        if (error == null) {
            return CommandOutput.ok(out);
        }
        out.add(error);
        return new CommandOutput(1, out, List.of(error));
    }
}
