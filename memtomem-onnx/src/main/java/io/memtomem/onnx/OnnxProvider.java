package io.memtomem.onnx;

import ai.onnxruntime.OrtException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.VectorShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process embeddings on ONNX Runtime (CPU). Vectors are mean-pooled and L2-normalised by the model wrapper.
 * Texts longer than the model's 512-token window are embedded window by window and averaged by the library; the
 * configured {@code max_sequence_tokens} is part of the fingerprint so a policy change is still detected.
 */
public final class OnnxProvider implements EmbeddingProvider {

    public static final String NAME = "onnx";

    private final OnnxModel model;
    private final int maxSequenceTokens;
    private final Path cacheDir;
    private ExecutorService workers;
    private EmbeddingModel embeddings;

    /** Validates the settings only; the model and its native libraries load on the first {@link #embed}. */
    OnnxProvider(EmbeddingSettings settings) {
        this.model = OnnxModel.named(settings.model());
        if (settings.dimension() != 0 && settings.dimension() != model.dimension()) {
            throw new EmbeddingException(NAME, model.canonicalName(), "embedding.dimension is " + settings.dimension()
                    + " but the model produces " + model.dimension() + "; set embedding.dimension to "
                    + model.dimension());
        }
        this.maxSequenceTokens = settings.maxSequenceTokens();
        this.cacheDir = settings.cacheDir();
    }

    private synchronized EmbeddingModel loaded() {
        if (embeddings == null) {
            NativeCache.prepare(cacheDir, model.canonicalName());
            workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads());
            try {
                embeddings = BundledModel.load(model, workers);
            } catch (OrtException | IOException | RuntimeException | LinkageError e) {
                workers.shutdownNow();
                throw new EmbeddingException(NAME, model.canonicalName(), "could not load the model (" + e
                        + "); check that " + cacheDir + " is writable", e);
            }
        }
        return embeddings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return model.canonicalName();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String fingerprint() {
        return NAME + ":v1:max_sequence_tokens=" + maxSequenceTokens;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(text -> segments.add(TextSegment.from(text)));
        EmbeddingModel local = loaded();
        List<float[]> vectors = new ArrayList<>(texts.size());
        try {
            for (Embedding embedding : local.embedAll(segments).content()) {
                vectors.add(embedding.vector());
            }
        } catch (RuntimeException e) {
            throw new EmbeddingException(NAME, model.canonicalName(), "inference failed: " + e, e);
        }
        return VectorShape.require(NAME, model.canonicalName(), texts.size(), model.dimension(), vectors);
    }

    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Daemon threads so an idle provider never keeps the JVM alive after the CLI's work is done. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "memtomem-onnx-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
