package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mongo image's {@code docker logs}: mongod as PID 1 writing logv2's JSON lines on the manual
 * clock (the padding after severity, component and id; the container's hostname; the catalogue's
 * version and its featureCompatibilityVersion), {@code Waiting for connections} on 27017;
 * {@code docker stop}'s signal handler lines and exit 0; a restart finding its datadir.
 */
class MongodLogEndToEndTest {
    private static final String T0 = "{\"t\":{\"$date\":\"2025-01-01T00:00:00.000+00:00\"},";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void mongodStartsAsPidOneAndWaitsForConnections() {
        String id = h.ok("docker run -d --name db mongo").get(0).substring(0, 12);
        List<String> logs = h.ok("docker logs db");
        assertEquals(T0 + "\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":4615611, \"ctx\":\"initandlisten\",\"msg\":\"MongoDB starting\","
                + "\"attr\":{\"pid\":1,\"port\":27017,\"dbPath\":\"/data/db\",\"architecture\":\"64-bit\",\"host\":\"" + id + "\"}}", logs.get(4));
        assertTrue(logs.get(5).contains("\"id\":23403,   \"ctx\":\"initandlisten\",\"msg\":\"Build Info\",\"attr\":{\"buildInfo\":"
                + "{\"version\":\"8.3.9\","), logs.get(5));
        assertTrue(logs.get(0).startsWith(T0 + "\"s\":\"I\",  \"c\":\"-\",        \"id\":8991200, \"ctx\":\"main\""), logs.get(0));
        assertEquals(List.of(T0 + "\"s\":\"I\",  \"c\":\"REPL\",     \"id\":20459,   \"ctx\":\"initandlisten\","
                + "\"msg\":\"Setting featureCompatibilityVersion\",\"attr\":{\"newVersion\":\"8.3\"}}"),
                logs.stream().filter(l -> l.contains("Setting featureCompatibilityVersion")).toList());
        assertEquals(List.of(
                T0 + "\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23015,   \"ctx\":\"listener\",\"msg\":\"Listening on\","
                        + "\"attr\":{\"address\":\"/tmp/mongodb-27017.sock\"}}",
                T0 + "\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23015,   \"ctx\":\"listener\",\"msg\":\"Listening on\","
                        + "\"attr\":{\"address\":\"0.0.0.0:27017\"}}",
                T0 + "\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   \"ctx\":\"listener\",\"msg\":\"Waiting for connections\","
                        + "\"attr\":{\"port\":27017,\"ssl\":\"off\"}}"), logs.subList(logs.size() - 4, logs.size() - 1));
        assertTrue(logs.get(logs.size() - 1).contains("\"id\":8423403, \"ctx\":\"initandlisten\",\"msg\":\"mongod startup complete\""));
        assertEquals(2, logs.stream().filter(l -> l.contains("\"s\":\"W\",  ")).count(), "access control and vm.max_map_count");
        assertEquals(List.of("succeeded"), h.ok("docker exec db sh -c 'true' && nc -zv " + h.ok("docker inspect -f "
                + "'{{.NetworkSettings.IPAddress}}' db").get(0) + " 27017 2>&1 | grep -o succeeded"));
    }

    @Test
    void aRootUserIsMadeByATemporaryForkedServerBeforeTheServerStartsWithAuth() {
        h.ok("docker run -d --name db -e MONGO_INITDB_ROOT_USERNAME=root -e MONGO_INITDB_ROOT_PASSWORD=example mongo");
        List<String> logs = h.ok("docker logs db");
        assertEquals(List.of("about to fork child process, waiting until server is ready for connections.", "forked process: 28"),
                logs.subList(0, 2));
        assertTrue(logs.get(2).endsWith("\"id\":20698,   \"ctx\":\"main\",\"msg\":\"***** SERVER RESTARTED *****\"}"), logs.get(2));
        int child = logs.indexOf("child process started successfully, parent exiting");
        int complete = logs.indexOf("MongoDB init process complete; ready for start up.");
        assertTrue(child > 0 && complete > child, String.join("\n", logs));
        List<String> temp = logs.subList(0, child);
        assertTrue(temp.stream().anyMatch(l -> l.contains("\"msg\":\"MongoDB starting\",\"attr\":{\"pid\":28,")), "the forked pid");
        assertTrue(temp.stream().anyMatch(l -> l.contains("\"options\":{\"net\":{\"bindIp\":\"127.0.0.1\",\"port\":27017,\"tls\":"
                + "{\"mode\":\"disabled\"}},\"processManagement\":{\"fork\":true,\"pidFilePath\":\"/tmp/docker-entrypoint-temp-mongod.pid\"},"
                + "\"systemLog\":{\"destination\":\"file\",\"logAppend\":true,\"path\":\"/proc/1/fd/1\"}}")), "the entrypoint's hacked args");
        assertTrue(temp.stream().anyMatch(l -> l.contains("\"address\":\"127.0.0.1:27017\"")), "localhost only");
        // docker-entrypoint.sh: the loop over an empty /docker-entrypoint-initdb.d sees the unexpanded glob
        assertEquals(List.of("", "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*", ""),
                logs.subList(child + 1, child + 4));
        assertTrue(logs.get(child + 4).contains("\"msg\":\"Received signal\",\"attr\":{\"signal\":15,\"error\":\"Terminated\"}"));
        assertEquals(List.of("", "MongoDB init process complete; ready for start up.", ""), logs.subList(complete - 1, complete + 2));
        List<String> server = logs.subList(complete + 2, logs.size());
        assertTrue(server.stream().anyMatch(l -> l.contains("\"msg\":\"MongoDB starting\",\"attr\":{\"pid\":1,")));
        assertTrue(server.stream().anyMatch(l -> l.contains("\"options\":{\"net\":{\"bindIp\":\"*\"},\"security\":{\"authorization\":\"enabled\"}}")));
        assertTrue(server.stream().anyMatch(l -> l.contains("Storage engine to use detected by data files")), "the temporary server made it");
        assertTrue(server.stream().noneMatch(l -> l.contains("Access control is not enabled")), "--auth");
        assertEquals(1, logs.stream().filter(l -> l.contains("Access control is not enabled")).count(), "the temporary server's only");
        h.ok("docker restart db");
        assertEquals(1, h.ok("docker logs db").stream().filter(l -> l.startsWith("about to fork")).count(), "no initdb on its own datadir");
    }

    @Test
    void stopLogsTheSignalAndTheRestartFindsItsData() {
        h.ok("docker run -d --name db mongo");
        h.ok("sleep 3");
        h.ok("docker stop db");
        String t = "{\"t\":{\"$date\":\"2025-01-01T00:00:03.000+00:00\"},\"s\":\"I\",  \"c\":";
        assertEquals(List.of(
                t + "\"CONTROL\",  \"id\":23377,   \"ctx\":\"SignalHandler\",\"msg\":\"Received signal\",\"attr\":{\"signal\":15,\"error\":\"Terminated\"}}",
                t + "\"CONTROL\",  \"id\":23378,   \"ctx\":\"SignalHandler\",\"msg\":\"Signal was sent by kill(2)\",\"attr\":{\"pid\":0,\"uid\":0}}",
                t + "\"CONTROL\",  \"id\":23381,   \"ctx\":\"SignalHandler\",\"msg\":\"will terminate after current cmd ends\"}",
                t + "\"NETWORK\",  \"id\":20562,   \"ctx\":\"SignalHandler\",\"msg\":\"Shutdown: going to close listening sockets\"}",
                t + "\"CONTROL\",  \"id\":20565,   \"ctx\":\"SignalHandler\",\"msg\":\"Now exiting\"}",
                t + "\"CONTROL\",  \"id\":23138,   \"ctx\":\"SignalHandler\",\"msg\":\"Shutting down\",\"attr\":{\"exitCode\":0}}"),
                h.ok("docker logs --tail 6 db"));
        assertEquals(List.of("0"), h.ok("docker wait db"));
        h.ok("docker start db");
        List<String> again = h.ok("docker logs db");
        assertEquals(1, again.stream().filter(l -> l.contains("Storage engine to use detected by data files")).count());
        assertEquals(1, again.stream().filter(l -> l.contains("Setting featureCompatibilityVersion")).count(), "only the first start sets it");
        assertEquals(2, again.stream().filter(l -> l.contains("Waiting for connections")).count());
    }
}
