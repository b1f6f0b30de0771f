package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The daemon's event log as moby's daemon/events/events.go keeps it, and its filter (filter.go). */
class EventLogTest {
    private long now = 1_000;

    @Test
    void theRingKeepsTheLast256AndBufferedWalksBackUntilTheFirstEventBeforeSince() {
        EventLog log = new EventLog(() -> now);
        for (int i = 0; i < 300; i++) {
            now = 1_000 + i;
            log.log(Event.CONTAINER, "start", "c" + i, Map.of("name", "c" + i));
        }
        List<Event> all = log.buffered(1, 0, e -> true);
        assertEquals(256, all.size());
        assertEquals("c44", all.get(0).actorId(), "the 44 oldest were dropped");
        assertEquals("c299", all.get(255).actorId());
        assertEquals(List.of("c297", "c298"), log.buffered(1_297, 1_298, e -> true).stream().map(Event::actorId).toList());
        assertEquals(List.of(), log.buffered(0, 0, e -> true), "neither since nor until: nothing kept is sent");
        assertEquals(256, log.buffered(0, 5_000, e -> true).size(), "until alone: everything kept up to it");
    }

    @Test
    void subscribersHearEachNewEventTheirTopicTakesUntilEvicted() {
        EventLog log = new EventLog(() -> now);
        List<String> heard = new ArrayList<>();
        Runnable evict = log.subscribe(e -> e.type().equals(Event.NETWORK), e -> heard.add(e.action()));
        log.log(Event.CONTAINER, "create", "c", Map.of());
        log.log(Event.NETWORK, "connect", "n", Map.of());
        evict.run();
        log.log(Event.NETWORK, "disconnect", "n", Map.of());
        assertEquals(List.of("connect"), heard);
    }

    @Test
    void theFilterMatchesNamesByPrefixImagesWithoutTagsAndLabelsByKeyOrPair() {
        Event ctr = Event.local(Event.CONTAINER, "health_status: healthy", "abc123",
                Map.of("name", "web", "image", "docker.io/library/nginx:1.27", "tier", "front"), 1);
        assertEquals(true, new EventFilter(Map.of("container", Set.of("we"))).test(ctr));
        assertEquals(true, new EventFilter(Map.of("container", Set.of("abc"))).test(ctr));
        assertEquals(false, new EventFilter(Map.of("network", Set.of("web2"))).test(ctr));
        assertEquals(true, new EventFilter(Map.of("image", Set.of("nginx"))).test(ctr));
        assertEquals(true, new EventFilter(Map.of("label", Set.of("tier", "tier=front"))).test(ctr));
        assertEquals(false, new EventFilter(Map.of("label", Set.of("tier=back"))).test(ctr));
        assertEquals(true, new EventFilter(Map.of("event", Set.of("health_status"))).test(ctr), "health_status by prefix");
        assertEquals(false, new EventFilter(Map.of("event", Set.of("health"))).test(ctr));
        assertEquals(true, new EventFilter(Map.of("type", Set.of("network", "container"))).test(ctr));
        assertEquals(false, new EventFilter(Map.of("scope", Set.of("swarm"))).test(ctr));
        assertEquals("", Event.local(Event.NETWORK, "create", "n", Map.of(), 1).status(), "status, id and from are a container's or an image's");
    }
}
