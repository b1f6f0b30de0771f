package dev.dockwire.docker.cli;

import com.google.common.hash.Hashing;
import dev.dockwire.docker.engine.ImageHistory;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * image inspect's {@code RootFS.Layers}: the diff IDs (sha256 of each layer's uncompressed tar,
 * image-spec config.md rootfs.diff_ids), bottom first. dockwire keeps no layer tars, so each is a
 * stable stand-in: a pulled image's from the layer blobs its manifest names (one per line of the
 * pull's progress; a blob's diff ID is not its digest, as a compressed layer's is not); an image this
 * daemon made has its base's (a commit's parent, or the pulled image whose history its own begins
 * with) and then one per history entry that made a layer, from the image and the entry.
 */
final class ImageLayers {
    private ImageLayers() {
    }

    static List<String> diffIds(ImageService images, ImageService.Stored image) {
        String id = image.image().id();
        List<ImageHistory.Entry> history = images.history(id);
        if (history == null) {
            return Manifests.of(image.name(), images.config(image.name())).layers().stream().map(l -> diffId("layer:" + l)).toList();
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        ImageService.Stored base = base(images, image, history);
        if (base != null) {
            out.addAll(diffIds(images, base));
            from = images.history(base.image().id()) != null ? images.history(base.image().id()).size()
                    : ImageHistory.entries(images, base.name()).size();
        }
        for (int i = from; i < history.size(); i++) {
            if (!history.get(i).emptyLayer()) {
                out.add(diffId("made:" + id + ":" + i));
            }
        }
        return out;
    }

    /** The stored image whose history {@code history} begins with (the longest such), other than the image itself; null when none. */
    private static ImageService.Stored base(ImageService images, ImageService.Stored image, List<ImageHistory.Entry> history) {
        ImageService.Stored best = null;
        int bestSize = 0;
        for (ImageService.Stored s : images.stored()) {
            if (s.image().id().equals(image.image().id()) || s.tag().equals("<none>") && images.history(s.image().id()) == null) {
                continue;
            }
            List<ImageHistory.Entry> h = images.history(s.image().id()) != null ? images.history(s.image().id())
                    : ImageHistory.entries(images, s.name());
            if (!h.isEmpty() && h.size() <= history.size() && h.size() > bestSize && history.subList(0, h.size()).equals(h)) {
                best = s;
                bestSize = h.size();
            }
        }
        return best;
    }

    private static String diffId(String seed) {
        return "sha256:" + Hashing.sha256().hashString("diff_id " + seed, StandardCharsets.UTF_8);
    }
}
