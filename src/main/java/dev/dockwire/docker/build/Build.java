package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;
import java.util.List;
import java.util.Map;

/**
 * What a build made: the target stage's image config (its {@code reference} the catalogue image its
 * programs come from, {@code scratch} for none), its labels, the files COPY/ADD put in it (absolute
 * path to text), the vertices BuildKit's progress names in order with what each took in besides its
 * text (a COPY's files, path and content; "" for the others), the images whose metadata it
 * loaded, the RUN lines it recorded, what of them it skipped ({@link RunInstalls}: {@code npm ci (line 4)}),
 * its digest: the same Dockerfile and context give the same, and the catalogue image's files its base
 * image removed (a committed image's whiteouts, which FROM keeps), none written back by a COPY, and
 * the RUN steps run by step index ({@link RunStep.Ran}: output, time, layer; none without a runner), and
 * the directories its layers made (RUN's {@code mkdir}, WORKDIR's), empty ones included, and each
 * step's cache key (chained from the step before it in its stage, a stage FROM a stage from that
 * stage's last; a RUN's covers its environment, user and working directory): a key met before is a cached step;
 * and the owners other than root of its files ({@code COPY --chown}'s), and the WORKDIR steps (by step index) that
 * made no directory: the legacy builder's empty layers.
 */
public record Build(ImageConfig config, Map<String, String> labels, Map<String, String> files, List<String> steps,
                    List<String> stepInputs, List<String> bases, List<String> runs, List<String> skipped, String digest,
                    java.util.Set<String> removed, Map<Integer, RunStep.Ran> ran, Map<String, dev.dockwire.docker.LayerDir> dirs,
                    List<String> stepKeys, Map<String, dev.dockwire.docker.LayerFile> owners, java.util.Set<Integer> emptyWorkdirs) {
    public Build {
        labels = Map.copyOf(labels);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        steps = List.copyOf(steps);
        stepInputs = List.copyOf(stepInputs);
        bases = List.copyOf(bases);
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
        removed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(removed));
        ran = Map.copyOf(ran);
        dirs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dirs));
        stepKeys = List.copyOf(stepKeys);
        owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
        emptyWorkdirs = java.util.Set.copyOf(emptyWorkdirs);
    }
}
