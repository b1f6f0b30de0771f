package dev.dockwire.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A running container: id, name, image, its network namespace (sandbox) and endpoints in connect order. */
public final class Container {
    private final String id;
    private final String name;
    private final String image;
    private final String netns;
    private final List<Endpoint> endpoints = new ArrayList<>();

    Container(String id, String name, String image, String netns) {
        this.id = id;
        this.name = name;
        this.image = image;
        this.netns = netns;
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    public String image() {
        return image;
    }

    /** The kernel namespace name of the container's sandbox. */
    public String netns() {
        return netns;
    }

    public List<Endpoint> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    void add(Endpoint e) {
        endpoints.add(e);
    }
}
