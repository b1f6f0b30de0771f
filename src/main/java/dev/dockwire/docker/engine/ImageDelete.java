package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker rmi}'s daemon side, after moby's daemon/images/image_delete.go: a repository
 * reference is untagged (refused without force when it is the image's last name and a container
 * uses the image), an ID prefix removes every name of an image that has at most one; the image
 * itself is deleted once no name is left, unless a container holds it (checkImageDeleteConflict:
 * a running container always, a stopped one or several names unless forced). The records are the
 * API's ImageDeleteResponseItem lines: {@code Untagged: NAME}, {@code Untagged: REPO@DIGEST},
 * {@code Deleted: ID}, then {@code Deleted: CHAINID} for each layer of a committed image no image
 * left uses. The catalogue's images have no layers here, so theirs are never listed. The legacy
 * builder's step images, nameless parents, go after their child (removeParents), each as its
 * {@code Deleted:} record and its layers.
 */
public final class ImageDelete {
    private final ImageService images;
    private final Collection<Container> containers;

    public ImageDelete(ImageService images, Collection<Container> containers) {
        this.images = images;
        this.containers = containers;
    }

    /** Removes {@code ref} (a name or an image ID prefix), returning the records, or the daemon's error. */
    public List<String> delete(String ref, boolean force) throws EngineException {
        List<ImageService.Stored> all = images.stored();
        String familiar = ImageService.familiar(ref);
        ImageService.Stored byName = all.stream().filter(s -> s.name().equals(familiar)).findFirst().orElse(null);
        String id = byName != null ? byName.image().id() : idByPrefix(all, ref);
        if (id == null) {
            throw new EngineException("No such image: " + (Reference.parse(ref) != null && !isIdPrefix(ref) ? familiar : ref));
        }
        List<ImageService.Stored> names = all.stream().filter(s -> s.image().id().equals(id)).toList();
        Container user = containers.stream().filter(c -> id.equals(images.published(c.image()).id())).findFirst().orElse(null);
        List<String> records = new ArrayList<>();
        if (byName != null) {
            if (!force && names.size() == 1 && user != null) {
                throw new EngineException("conflict: unable to remove repository reference \"" + ref + "\" (must force) - container "
                        + user.shortId() + " is using its referenced image " + shortId(id));
            }
            untag(byName, records);
            if (names.size() > 1) {
                return records;
            }
            String conflict = conflict(id, names.size() - 1, force);
            if (conflict != null) {
                return records; // image_delete.go: a used image keeps its layers once its last name went
            }
        } else {
            String conflict = conflict(id, names.size(), force);
            if (conflict != null) {
                throw new EngineException(conflict);
            }
            names.forEach(n -> untag(n, records));
        }
        deleted(id, records);
        // removeParents: each nameless parent with no other child and no container goes too, newest first
        java.util.Set<String> used = new java.util.HashSet<>();
        containers.forEach(c -> used.add(images.published(c.image()).id()));
        for (String p = images.parent(id); p != null && images.deleteIntermediate(p, used); p = images.parent(p)) {
            deleted(p, records);
        }
        return records;
    }

    /** {@code Deleted: ID}, then the layers of {@code id} no image left uses, top first. */
    private void deleted(String id, List<String> records) {
        records.add("Deleted: " + id);
        // The image store's Delete releases its top layer; a layer no image left uses goes, then the one under it (layer_store.go releaseLayer).
        List<String> chain = images.layers(id);
        List<ImageService.Stored> left = new ArrayList<>(images.stored());
        left.addAll(images.intermediates());
        for (int i = chain.size() - 1; i >= 0; i--) {
            String layer = chain.get(i);
            if (left.stream().anyMatch(s -> images.layers(s.image().id()).contains(layer))) {
                break;
            }
            records.add("Deleted: sha256:" + layer);
        }
    }

    /** checkImageDeleteConflict's answer for image {@code id} with {@code refs} names left, or null. */
    private String conflict(String id, int refs, boolean force) {
        for (Container c : containers) {
            if (c.running() && id.equals(images.published(c.image()).id())) {
                return "conflict: unable to delete " + shortId(id) + " (cannot be forced) - image is being used by running container " + c.shortId();
            }
        }
        if (force) {
            return null;
        }
        if (refs > 1) {
            return "conflict: unable to delete " + shortId(id) + " (must be forced) - image is referenced in multiple repositories";
        }
        for (Container c : containers) {
            if (id.equals(images.published(c.image()).id())) {
                return "conflict: unable to delete " + shortId(id) + " (must be forced) - image is being used by stopped container " + c.shortId();
            }
        }
        return null;
    }

    private void untag(ImageService.Stored s, List<String> records) {
        if (s.repository().equals("<none>")) {
            images.untag(s.name()); // a dangling image: no name to untag, only its ID (moby lists just Deleted)
            return;
        }
        String digest = images.repoDigest(s.name());
        images.untag(s.name());
        records.add("Untagged: " + s.name());
        if (digest != null && images.stored().stream().noneMatch(o -> o.repository().equals(s.repository()))) {
            records.add("Untagged: " + digest);
        }
    }

    private static String idByPrefix(List<ImageService.Stored> all, String ref) {
        if (!isIdPrefix(ref)) {
            return null;
        }
        String hex = ref.toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
        return all.stream().map(s -> s.image().id()).filter(id -> id.substring("sha256:".length()).startsWith(hex)).findFirst().orElse(null);
    }

    private static boolean isIdPrefix(String ref) {
        return ref.matches("(sha256:)?[0-9a-f]{1,64}");
    }

    /** stringid.TruncateID: the ID's first 12 hex digits. */
    static String shortId(String id) {
        return id.replaceFirst("^sha256:", "").substring(0, 12);
    }
}
