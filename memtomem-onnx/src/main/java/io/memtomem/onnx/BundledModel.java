package io.memtomem.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * A model shipped inside a jar, run by an ONNX Runtime session configured here rather than with the library's
 * defaults: one thread per inference and no spinning. The executor already embeds one text per core, and an idle
 * runtime pool that spins after each call would steal the CPU the dense scan and BM25 need on a small machine.
 */
final class BundledModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private BundledModel(Executor executor, OnnxBertBiEncoder encoder, int dimension) {
        super(executor);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    static BundledModel load(OnnxModel model, Executor executor) throws OrtException, IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        // the session copies its options when it is created, so they can be released right away
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            session = environment.createSession(read(model.modelResource()), options);
        }
        try (InputStream tokenizer = open(model.tokenizerResource())) {
            return new BundledModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, model.pooling()),
                    model.dimension());
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = BundledModel.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is missing from the class path");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
