package io.memtomem.onnx;

import ai.onnxruntime.OrtEnvironment;
import io.memtomem.core.embed.provider.EmbeddingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Points the native parts of the ONNX stack at the store's cache directory before any of them loads, so nothing is
 * written under HOME (DJL defaults to {@code ~/.djl.ai}) and ONNX Runtime is not re-extracted into
 * {@code java.io.tmpdir} on every start. Must run before the first ONNX or DJL class initialises; only
 * {@code OrtEnvironment.class} is referenced here, which loads the class without initialising it.
 *
 * <p>Properties the user already set win. ONNX Runtime still creates (and removes) one empty temp directory per
 * process; that happens inside its loader and cannot be redirected without changing {@code java.io.tmpdir}.
 */
final class NativeCache {

    static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    static final String DJL_OFFLINE = "ai.djl.offline";
    static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    private static final List<String> ORT_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private NativeCache() {
    }

    static synchronized void prepare(Path cacheDir, String modelName) {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new EmbeddingException("onnx", modelName, "cannot create the cache directory " + cacheDir
                    + " (" + e + "); point MEMTOMEM_EMBEDDING__CACHE_DIR or embedding.cache_dir at a writable directory", e);
        }
        setIfAbsent(DJL_CACHE_DIR, cacheDir.resolve("djl").toString());
        // the tokenizer library ships in the jar; offline mode makes DJL fail instead of downloading anything
        setIfAbsent(DJL_OFFLINE, "true");
        if (System.getProperty(ORT_NATIVE_PATH) == null) {
            platform().ifPresent(platform -> System.setProperty(ORT_NATIVE_PATH,
                    extractOnnxRuntime(cacheDir, platform, modelName).toString()));
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static Path extractOnnxRuntime(Path cacheDir, String platform, String modelName) {
        String version = Optional.ofNullable(OrtEnvironment.class.getPackage().getImplementationVersion())
                .orElse("unknown");
        Path dir = cacheDir.resolve("onnxruntime").resolve(version).resolve(platform);
        try {
            Files.createDirectories(dir);
            for (String library : ORT_LIBRARIES) {
                String file = System.mapLibraryName(library);
                URL resource = OrtEnvironment.class.getResource("/ai/onnxruntime/native/" + platform + "/" + file);
                if (resource == null) {
                    throw new EmbeddingException("onnx", modelName, "ONNX Runtime has no native library for "
                            + platform + "; use embedding.provider openai or ollama on this platform");
                }
                copyIfChanged(resource, dir.resolve(file));
            }
            return dir;
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddingException("onnx", modelName, "cannot extract ONNX Runtime into " + dir + " (" + e
                    + "); point MEMTOMEM_EMBEDDING__CACHE_DIR or embedding.cache_dir at a writable directory", e);
        }
    }

    /** Writes through a temp file and an atomic rename so a concurrent process never maps a half-written library. */
    private static void copyIfChanged(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** ONNX Runtime's own directory names for its bundled libraries. */
    static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("linux") ? "linux" : null;
        String archPart = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64"
                : null;
        return osPart == null || archPart == null ? Optional.empty() : Optional.of(osPart + "-" + archPart);
    }
}
