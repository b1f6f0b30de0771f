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

    /**
     * A task that ended: its container exited ({@code Complete} with status 0, else {@code Failed}
     * with {@code task: non-zero exit (N)}), or the node could not get its image
     * ({@code Rejected}, {@code No such image: ...}); swarmkit's task states and Status.Err, kept
     * in the service's history ({@code \_ app.1} in {@code service ps}).
     */
    public record Ended(Task task, String state, String error, long endedNanos) {
    }

    /** swarmkit's default restart policy: condition any, delay 5 s (api/types.proto RestartPolicy). */
    public static final long RESTART_DELAY_NANOS = 5_000_000_000L;

    private final String id;
    private final String name;
    private final String image;
    private final List<String> cmd;
    private final Network network;
    private final List<String> publish;
    private final boolean dnsrr;
    private final List<Task> tasks = new ArrayList<>();
    private final List<Ended> history = new ArrayList<>();
    private Swarm swarm;
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

    /** The tasks that have ended, oldest first. */
    public List<Ended> history() {
        return Collections.unmodifiableList(history);
    }

    /** {@code docker service create/scale}: starts or removes tasks until {@code want} run. */
    public void scale(Swarm swarm, int want) {
        if (swarm != null) {
            this.swarm = swarm;
        }
        replicas = want;
        while (!tasks.isEmpty() && tasks.get(tasks.size() - 1).slot() > want) {
            Task t = tasks.remove(tasks.size() - 1);
            t.node().engine().removeTask(t.container());
        }
        for (int slot = 1; slot <= want; slot++) {
            int s = slot;
            if (tasks.stream().noneMatch(t -> t.slot() == s) && !startTask(slot)) {
                break;
            }
        }
    }

    /** Starts a task in {@code slot} on the least loaded node; false when no node fits. */
    private boolean startTask(int slot) {
        Swarm.Node node = leastLoaded(swarm);
        if (node == null) {
            // Host-mode ports taken on every node: the rest stay pending, as swarmkit leaves them
            // ("no suitable node (host-mode port already in use on N nodes)").
            return false;
        }
        String taskId = Swarm.base36(node.engine().random(), 25);
        String container = name + "." + slot + "." + taskId;
        // The task's endpoint carries the service name and tasks.NAME as network-scoped aliases,
        // so the embedded DNS answers both with every task's address (dnsrr).
        ContainerCreate req = new ContainerCreate(container, image, cmd, network == null ? null : network.name(), null,
                network == null ? List.of() : List.of(name, "tasks." + name), null, List.of(), List.of())
                .withPorts(publish, false, List.of());
        Task t = new Task(slot, taskId, node, container, node.engine().nanos());
        String imageError = node.engine().imageError(image);
        if (imageError != null) {
            // The executor's prepare step fails: the task is rejected and the slot tries again after the restart delay.
            history.add(new Ended(t, "Rejected", imageError, t.startedNanos()));
            retry(t, (delay, task) -> node.engine().later(delay, task));
            return true;
        }
        tasks.add(t);
        tasks.sort(java.util.Comparator.comparingInt(Task::slot));
        node.engine().runTask(req);
        return true;
    }

    /**
     * The container of one of this service's tasks exited with {@code status}: the task ends
     * ({@code Complete} or {@code Failed}) and, by the restart policy, a new task takes its slot
     * after {@link #RESTART_DELAY_NANOS}, which {@code later} schedules. False when the
     * container is none of the running tasks.
     */
    public boolean taskExited(String container, int status, long now, java.util.function.BiConsumer<Long, Runnable> later) {
        Task t = tasks.stream().filter(x -> x.container().equals(container)).findFirst().orElse(null);
        if (t == null) {
            return false;
        }
        tasks.remove(t);
        history.add(new Ended(t, status == 0 ? "Complete" : "Failed", status == 0 ? "" : "task: non-zero exit (" + status + ")", now));
        retry(t, later);
        return true;
    }

    /** By the restart policy, a new task takes the ended task's slot after {@link #RESTART_DELAY_NANOS}. */
    private void retry(Task t, java.util.function.BiConsumer<Long, Runnable> later) {
        later.accept(RESTART_DELAY_NANOS, () -> {
            if (swarm != null && swarm.service(name) == this && t.slot() <= replicas
                    && tasks.stream().noneMatch(x -> x.slot() == t.slot())) {
                startTask(t.slot());
            }
        });
    }

    /** {@code docker service rm}: every task's container goes, the ended ones' too. */
    public void remove() {
        scale(null, 0);
        for (Ended e : history) {
            if (!e.state().equals("Rejected")) { // a rejected task never had a container
                e.task().node().engine().removeTask(e.task().container());
            }
        }
        history.clear();
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
