package dev.dockwire.report;

import java.util.List;

/** Pictures made by hand: two hosts with a bridge, a macvlan, an overlay tunnel and a hostile name. */
final class PictureFixtures {
    private PictureFixtures() {
    }

    static Picture twoHosts() {
        Picture.Host one = new Picture.Host("docker-host-1", "eth0 192.168.1.11/24",
                List.of(new Picture.Net("mynet", "bridge", "br-0123456789ab", "172.18.0.0/16", "172.18.0.1"),
                        new Picture.Net("lan", "macvlan", "eth0", "192.168.1.0/24", "192.168.1.1"),
                        new Picture.Net("ov", "overlay", null, "10.0.1.0/24", "10.0.1.1")),
                List.of(new Picture.Box("web", "running", "ns-web",
                                List.of(new Picture.Attachment("mynet", "eth0", "172.18.0.2/16", "02:42:ac:12:00:02", "veth1a2b3c4"),
                                        new Picture.Attachment("lan", "eth1", "192.168.1.50/24", "02:42:c0:a8:01:32", null)),
                                List.of("0.0.0.0:8080->80/tcp")),
                        new Picture.Box("<b>x&y</b>", "exited", null,
                                List.of(new Picture.Attachment("ov", "eth0", "10.0.1.2/24", null, "veth0")), List.of())),
                List.of("1-abcdefghij"), List.of("0.0.0.0:8080->80/tcp web"),
                List.of("-A DOCKER ! -i br-0123456789ab -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80"));
        Picture.Host two = new Picture.Host("docker-host-2", "eth0 192.168.1.12/24",
                List.of(new Picture.Net("ov", "overlay", null, "10.0.1.0/24", "10.0.1.1")),
                List.of(), List.of("1-abcdefghij"), List.of(), List.of());
        return new Picture("t.sh", List.of(one, two),
                List.of(new Picture.Tunnel("ov", "4097", "1-abcdefghij", "docker-host-1", "docker-host-2")));
    }
}
