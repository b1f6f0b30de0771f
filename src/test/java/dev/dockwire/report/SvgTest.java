package dev.dockwire.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's boxes and lines and their SVG: ids, classes, labels, escaping, nothing overlapping in a row. */
class SvgTest {
    private final Picture picture = PictureFixtures.twoHosts();
    private final Layout layout = Layout.of(picture);
    private final String svg = Svg.render(layout);

    private Layout.Node node(String id) {
        return layout.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void everyHostNetworkAndContainerHasItsElementWithItsClass() {
        assertTrue(svg.contains("<g id=\"host-docker-host-1\" class=\"host\" data-name=\"docker-host-1\">"), svg);
        assertTrue(svg.contains("<g id=\"host-docker-host-2\" class=\"host\""), svg);
        assertTrue(svg.contains("<g id=\"net-docker-host-1-mynet\" class=\"network bridge\" data-name=\"mynet\">"), svg);
        assertTrue(svg.contains("<g id=\"net-docker-host-1-lan\" class=\"network macvlan\""), svg);
        assertTrue(svg.contains("<g id=\"ctr-docker-host-1-web\" class=\"container\" data-name=\"web\">"), svg);
        assertTrue(svg.contains("<g id=\"uplink-docker-host-1\" class=\"uplink\""), svg);
        assertTrue(svg.contains("<g id=\"netns-docker-host-1-1-abcdefghij\" class=\"netns\""), svg);
        assertTrue(svg.contains("<g id=\"veth-docker-host-1-web-mynet\" class=\"link bridge\">"), svg);
        assertTrue(svg.contains("<g id=\"veth-docker-host-1-web-lan\" class=\"link macvlan\">"), svg);
    }

    @Test
    void vethLinesCarryTheInterfaceInsideAndTheHostEnd() {
        assertTrue(svg.contains(">eth0</text>"), svg);
        assertTrue(svg.contains("class=\"hostend\"") && svg.contains(">veth1a2b3c4</text>"), svg);
        assertTrue(svg.contains(">172.18.0.0/16</text>") && svg.contains(">gateway 172.18.0.1</text>"), svg);
        assertTrue(svg.contains(">parent eth0</text>"), "a macvlan network shows its parent: " + svg);
        assertTrue(svg.contains(">publishes 0.0.0.0:8080-&gt;80/tcp</text>"), svg);
        assertTrue(svg.contains("-j DNAT --to-destination 172.18.0.2:80</text>"), svg);
    }

    @Test
    void theTunnelIsADashedLineBetweenTheHostsWithItsVni() {
        Layout.Edge t = layout.edges().stream().filter(e -> e.kind().equals("tunnel")).findFirst().orElseThrow();
        assertEquals("tunnel-ov-docker-host-1-docker-host-2", t.id());
        Layout.Node a = node("host-docker-host-1");
        Layout.Node b = node("host-docker-host-2");
        assertEquals(a.x() + a.w() / 2, t.x1());
        assertEquals(b.x() + b.w() / 2, t.x2());
        assertTrue(t.y1() < a.y(), "above the hosts");
        assertTrue(svg.contains("VXLAN ov VNI 4097 (netns 1-abcdefghij)"), svg);
    }

    @Test
    void namesUsersChoseAreEscapedInTextAndIds() {
        assertTrue(svg.contains("data-name=\"&lt;b&gt;x&amp;y&lt;/b&gt;\""), svg);
        assertTrue(svg.contains("id=\"ctr-docker-host-1-_b_x_y__b_\""), svg);
        assertFalse(svg.contains("<b>"), svg);
    }

    @Test
    void containersSitBelowTheNetworksAndInsideTheirHostWithoutOverlapping() {
        Layout.Node host = node("host-docker-host-1");
        Layout.Node net = node("net-docker-host-1-mynet");
        Layout.Node web = node("ctr-docker-host-1-web");
        Layout.Node other = node("ctr-docker-host-1-_b_x_y__b_");
        assertTrue(web.y() > net.y() + net.h());
        assertTrue(other.x() >= web.x() + web.w(), "side by side");
        for (Layout.Node n : List.of(net, web, other)) {
            assertTrue(n.x() >= host.x() && n.x() + n.w() <= host.x() + host.w(), n.id());
            assertTrue(n.y() >= host.y() && n.y() + n.h() <= host.y() + host.h(), n.id());
        }
        assertTrue(node("host-docker-host-2").x() > host.x() + host.w(), "hosts side by side");
        assertTrue(layout.width() >= node("host-docker-host-2").x() + node("host-docker-host-2").w());
    }

    @Test
    void aHostsBridgeEndsAreSpreadAlongItsNetwork() {
        Picture p = new Picture("p", List.of(new Picture.Host("h", null,
                List.of(new Picture.Net("n", "bridge", "br-n", "10.0.0.0/24", "10.0.0.1")),
                List.of(new Picture.Box("a1", "running", null, List.of(new Picture.Attachment("n", "eth0", "10.0.0.2/24", null, "va")), List.of()),
                        new Picture.Box("a2", "running", null, List.of(new Picture.Attachment("n", "eth0", "10.0.0.3/24", null, "vb")), List.of())),
                List.of(), List.of(), List.of())), List.of());
        List<Layout.Edge> links = Layout.of(p).edges();
        assertEquals(2, links.size());
        assertTrue(links.get(0).x2() < links.get(1).x2(), "each veth meets the bridge at its own point, in order");
    }
}
