package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import java.util.List;

/**
 * What {@code docker create}/{@code docker run} asks for. {@code network} is {@code bridge}
 * (default), a network name, {@code host}, {@code none} or {@code container:NAME}; {@code ip}
 * and {@code aliases} apply to that first network. {@code publish} holds {@code -p} specs as the
 * docker CLI takes them ({@code [ip:][hostPort[-end]:]containerPort[-end][/proto]}),
 * {@code publishAll} is {@code -P} and {@code expose} the image's and {@code --expose} ports;
 * {@code entrypoint} is {@code --entrypoint} (null: the image's), {@code restart} the {@code --restart} policy,
 * {@code healthcheck} the {@code --health-*} flags (null: the image's), {@code env} the {@code -e} variables;
 * {@code openStdin} is {@code -i} (Config.OpenStdin) and {@code tty} {@code -t} (Config.Tty); {@code options}
 * the other HostConfig flags, {@code gwPriority} the first network's gateway priority, {@code mounts}
 * the {@code -v} and {@code --mount} flags in order.
 */
public record ContainerCreate(String name, String image, List<String> cmd, String network, Ipv4Address ip,
                              List<String> aliases, String hostname, List<String> extraHosts, List<String> dns,
                              List<String> publish, boolean publishAll, List<String> expose, List<String> entrypoint,
                              String restart, ImageConfig.Healthcheck healthcheck, List<String> env,
                              boolean openStdin, boolean tty, ContainerOptions options, int gwPriority,
                              List<MountSpec> mounts, Resources resources) {

    public ContainerCreate(String name, String image, List<String> cmd, String network, Ipv4Address ip,
                           List<String> aliases, String hostname, List<String> extraHosts, List<String> dns) {
        this(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, List.of(), false, List.of(), null, null, null, List.of(), false, false,
                ContainerOptions.NONE, 0, List.of(), Resources.NONE);
    }

    public static ContainerCreate of(String name, String image, String network) {
        return new ContainerCreate(name, image, List.of(), network, null, List.of(), null, List.of(), List.of());
    }

    /** The same request with {@code -p} specs, {@code -P} and exposed ports. */
    public ContainerCreate withPorts(List<String> publish, boolean publishAll, List<String> expose) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns,
                List.copyOf(publish), publishAll, List.copyOf(expose), entrypoint, restart, healthcheck, env, openStdin, tty, options, gwPriority, mounts, resources);
    }

    /**
     * The same request with {@code --entrypoint}: it replaces the image's ENTRYPOINT and, as in
     * dockerd, drops the image's CMD (only the command given follows it); null keeps the image's.
     */
    public ContainerCreate withEntrypoint(List<String> entrypoint) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint == null ? null : List.copyOf(entrypoint), restart, healthcheck, env, openStdin, tty, options, gwPriority, mounts, resources);
    }

    /** The same request with {@code --restart POLICY} (null: {@code no}). */
    public ContainerCreate withRestart(String policy) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, policy, healthcheck, env, openStdin, tty, options, gwPriority, mounts, resources);
    }

    /** The same request with {@code --health-*}/{@code --no-healthcheck} or compose's healthcheck (null: the image's). */
    public ContainerCreate withHealthcheck(ImageConfig.Healthcheck check) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, check, env, openStdin, tty, options, gwPriority, mounts, resources);
    }

    /** The same request with {@code -e KEY=VALUE} or compose's {@code environment:} ({@code KEY=VALUE} each). */
    public ContainerCreate withEnv(List<String> variables) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, List.copyOf(variables), openStdin, tty, options, gwPriority, mounts, resources);
    }

    /** The same request with {@code -i} (stdin kept open) and {@code -t} (a terminal). */
    public ContainerCreate withStdio(boolean openStdin, boolean tty) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, env, openStdin, tty, options, gwPriority, mounts, resources);
    }

    /** The same request with HostConfig's other flags ({@link ContainerOptions}). */
    public ContainerCreate withOptions(ContainerOptions o) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, env, openStdin, tty, o, gwPriority, mounts, resources);
    }

    /**
     * The same request with the first network's EndpointSettings.GwPriority ({@code --network
     * name=NET,gw-priority=N}, compose's {@code gw_priority}).
     */
    public ContainerCreate withGwPriority(int priority) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, env, openStdin, tty, options, priority, mounts, resources);
    }

    /** The same request with {@code -v}/{@code --mount}'s mounts. */
    public ContainerCreate withMounts(List<MountSpec> m) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, env, openStdin, tty, options, gwPriority, List.copyOf(m), resources);
    }

    /** The same request with {@code --memory}, {@code --cpus}, ... (HostConfig.Resources). */
    public ContainerCreate withResources(Resources r) {
        return new ContainerCreate(name, image, cmd, network, ip, aliases, hostname, extraHosts, dns, publish,
                publishAll, expose, entrypoint, restart, healthcheck, env, openStdin, tty, options, gwPriority, mounts, r);
    }
}
