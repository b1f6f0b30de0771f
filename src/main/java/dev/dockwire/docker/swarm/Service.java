package dev.dockwire.docker.swarm;

import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A replicated swarm service as the managers' store holds it, and its orchestration: the
 * desired number of replicas, and the tasks (slot, task id, the node it was placed on, the
 * container {@code NAME.SLOT.TASKID} that runs it). Placement spreads tasks as swarmkit's
 * scheduler does by default: each new task goes to the node with the fewest tasks of this
 * service, then the fewest tasks overall, the first in node order on a tie (so round-robin from
 * an empty swarm).
 *
 * <p>Not modelled: the service VIP and IPVS load balancing (the default {@code
 * --endpoint-mode vip}); the service's name resolves to its tasks' addresses as with
 * {@code --endpoint-mode dnsrr}. Nor the ingress routing mesh: a published port is published on
 * each task's own node (as {@code mode=host}), not on every node.
 */
public final class Service {
    /** One task: its slot (1..replicas), 25-character id, node, container name and start time. */
    public record Task(int slot, String id, Swarm.Node node, String container, long startedNanos) {
    }

    private final String id;
    private final String name;
    private final String image;
    private final List<String> cmd;
    private final Network network;
    private final List<String> publish;
    private final boolean dnsrr;
    private final List<Task> tasks = new ArrayList<>();
    private int replicas;

    public Service(String id, String name, String image, List<String> cmd, Network network, List<String> publish, boolean dnsrr) {
        this.id = id;
        this.name = name;
        this.image = image;
        this.cmd = List.copyOf(cmd);
        this.network = network;
        this.publish = List.copyOf(publish);
        this.dnsrr = dnsrr;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The image as the CLI records it: with {@code :latest} when no tag was given. */
    public String image() {
        return image;
    }

    public Network network() {
        return network;
    }

    public List<String> publish() {
        return publish;
    }

    public boolean dnsrr() {
        return dnsrr;
    }

    public int replicas() {
        return replicas;
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    /** {@code docker service create/scale}: starts or removes tasks until {@code want} run. */
    public void scale(Swarm swarm, int want) {
        replicas = want;
        while (tasks.size() > want) {
            Task t = tasks.remove(tasks.size() - 1);
            t.node().engine().removeTask(t.container());
        }
        for (int slot = tasks.size() + 1; slot <= want; slot++) {
            Swarm.Node node = leastLoaded(swarm);
            if (node == null) {
                // Host-mode ports taken on every node: the rest stay pending, as swarmkit leaves them
                // ("no suitable node (host-mode port already in use on N nodes)").
                break;
            }
            String taskId = Swarm.base36(node.engine().random(), 25);
            String container = name + "." + slot + "." + taskId;
            // The task's endpoint carries the service name and tasks.NAME as network-scoped aliases,
            // so the embedded DNS answers both with every task's address (dnsrr).
            ContainerCreate req = new ContainerCreate(container, image, cmd, network == null ? null : network.name(), null,
                    network == null ? List.of() : List.of(name, "tasks." + name), null, List.of(), List.of())
                    .withPorts(publish, false, List.of());
            node.engine().runTask(req);
            tasks.add(new Task(slot, taskId, node, container, node.engine().nanos()));
        }
    }

    /** {@code docker service rm}: every task's container goes. */
    public void remove() {
        scale(null, 0);
    }

    /**
     * swarmkit's spread: fewest tasks of this service, then fewest tasks of all services, then node
     * order; with published ports one task per node; null when no node fits.
     */
    private Swarm.Node leastLoaded(Swarm swarm) {
        Swarm.Node best = null;
        long bestOwn = Long.MAX_VALUE;
        long bestAll = Long.MAX_VALUE;
        for (Swarm.Node n : swarm.nodes()) {
            long own = tasks.stream().filter(t -> t.node() == n).count();
            if (own > 0 && !publish.isEmpty()) {
                continue; // a host-mode published port fits one task per node
            }
            long all = swarm.services().stream().flatMap(x -> x.tasks().stream()).filter(t -> t.node() == n).count();
            if (own < bestOwn || (own == bestOwn && all < bestAll)) {
                best = n;
                bestOwn = own;
                bestAll = all;
            }
        }
        return best;
    }

    /** {@code alpine} → {@code alpine:latest}; a tag or digest is kept. */
    public static String normalizeImage(String image) {
        int slash = image.lastIndexOf('/');
        return image.contains("@") || image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
    }
}
