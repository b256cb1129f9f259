package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.embed.provider.FakeEmbeddingServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpProvidersTest {

    private static final int DIM = 3;
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

    /** The two wire formats, so every failure mode is exercised against both providers with one test body. */
    enum Wire {
        OPENAI("openai", "/v1/embeddings", OpenAiProvider::new) {
            @Override
            String reply(int count, int dimension) {
                return "{\"object\":\"list\",\"data\":[" + IntStream.range(0, count)
                        .mapToObj(i -> "{\"object\":\"embedding\",\"index\":" + i + ",\"embedding\":" + vector(i, dimension) + "}")
                        .collect(Collectors.joining(",")) + "],\"model\":\"m\"}";
            }
        },
        OLLAMA("ollama", "/api/embed", OllamaProvider::new) {
            @Override
            String reply(int count, int dimension) {
                return "{\"model\":\"m\",\"embeddings\":[" + IntStream.range(0, count)
                        .mapToObj(i -> vector(i, dimension)).collect(Collectors.joining(",")) + "]}";
            }
        };

        final String name;
        final String path;
        final Function<EmbeddingSettings, EmbeddingProvider> factory;

        Wire(String name, String path, Function<EmbeddingSettings, EmbeddingProvider> factory) {
            this.name = name;
            this.path = path;
            this.factory = factory;
        }

        abstract String reply(int count, int dimension);

        /** Replies with as many vectors as the request had inputs, each of {@code dimension} floats. */
        Function<JsonNode, Reply> echo(int dimension) {
            return request -> Reply.json(reply(request.get("input").size(), dimension));
        }

        static String vector(int i, int dimension) {
            return IntStream.range(0, dimension).mapToObj(d -> String.valueOf(i + d / 10.0))
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    private FakeEmbeddingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeEmbeddingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EmbeddingProvider provider(Wire wire) {
        return wire.factory.apply(EmbeddingSettings.of(wire.name, "test-model", DIM, server.baseUrl(), Path.of("unused"))
                .withApiKey("sk-test").withTransport(TIMEOUT, FAST_RETRY));
    }

    private EmbeddingException failure(Wire wire) {
        EmbeddingProvider provider = provider(wire);
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> provider.embed(List.of("a", "b")));
        assertTrue(e.getMessage().startsWith(wire.name + " embedding via " + server.baseUrl() + wire.path + " failed: "),
                e.getMessage());
        return e;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void embedsInInputOrderAndBatchesBy64(Wire wire) {
        server.otherwise(wire.echo(DIM));
        List<String> texts = IntStream.range(0, 70).mapToObj(i -> "text " + i).collect(Collectors.toList());

        List<float[]> vectors = provider(wire).embed(texts);

        assertEquals(70, vectors.size());
        assertArrayEquals(new float[] {5f, 5.1f, 5.2f}, vectors.get(5));
        assertArrayEquals(new float[] {0f, 0.1f, 0.2f}, vectors.get(64), "second batch restarts at index 0");
        List<FakeEmbeddingServer.Request> requests = server.requests();
        assertEquals(List.of(64, 6), requests.stream().map(r -> r.body().get("input").size()).collect(Collectors.toList()));
        assertEquals(wire.path, requests.get(0).path());
        assertEquals("test-model", requests.get(0).body().get("model").asText());
    }

    @Test
    void openAiSendsTheBearerKeyAndOrdersByIndex() {
        server.then(Reply.json("{\"data\":[{\"index\":1,\"embedding\":[1,1,1]},{\"index\":0,\"embedding\":[0,0,0]}]}"));

        List<float[]> vectors = provider(Wire.OPENAI).embed(List.of("first", "second"));

        assertArrayEquals(new float[] {0, 0, 0}, vectors.get(0));
        assertEquals(List.of("Bearer sk-test"), server.requests().get(0).headers().get("Authorization"));
    }

    @Test
    void baseUrlMayAlreadyEndInTheApiPrefix() {
        server.otherwise(Wire.OPENAI.echo(DIM));
        EmbeddingProvider provider = new OpenAiProvider(EmbeddingSettings.of("openai", "m", DIM,
                server.baseUrl() + "/v1/", Path.of("unused")));

        provider.embed(List.of("x"));

        assertEquals("/v1/embeddings", server.requests().get(0).path());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void timeoutIsRetriedThenReported(Wire wire) {
        server.otherwise(body -> Reply.slow(TIMEOUT.multipliedBy(3)));

        EmbeddingException e = failure(wire);

        assertTrue(e.getMessage().contains("timed out after 400 ms (gave up after 3 attempts)"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void tooManyRequestsBacksOffAndThenSucceeds(Wire wire) {
        server.then(Reply.status(429, Map.of("Retry-After", "0")))
                .then(Reply.status(429, Map.of()))
                .otherwise(wire.echo(DIM));

        assertEquals(2, provider(wire).embed(List.of("a", "b")).size());
        assertEquals(3, server.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void tooManyRequestsGivesUpAfterTheLastAttempt(Wire wire) {
        server.otherwise(body -> Reply.status(429, Map.of("Retry-After", "0")));

        EmbeddingException e = failure(wire);

        assertTrue(e.getMessage().contains("HTTP 429") && e.getMessage().contains("gave up after 3 attempts"),
                e.getMessage());
        assertEquals(3, server.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void serverErrorIsRetriedThenReported(Wire wire) {
        server.otherwise(body -> Reply.status(503, Map.of()));

        EmbeddingException e = failure(wire);

        assertTrue(e.getMessage().contains("HTTP 503: {\"error\":\"scripted 503\"}"), e.getMessage());
        assertEquals(3, server.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void clientErrorIsNotRetriedAndHintsAtTheKey(Wire wire) {
        server.otherwise(body -> Reply.status(401, Map.of()));

        EmbeddingException e = failure(wire);

        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("MEMTOMEM_EMBEDDING__API_KEY"),
                e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void malformedJsonIsReported(Wire wire) {
        server.otherwise(body -> Reply.json("{\"embeddings\": [[1,2"));

        assertTrue(failure(wire).getMessage().contains("malformed JSON in the reply"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void replyWithoutVectorsIsReported(Wire wire) {
        server.otherwise(body -> Reply.json("{\"unexpected\":true}"));

        assertTrue(failure(wire).getMessage().contains("unexpected reply: no \""));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void wrongDimensionIsReported(Wire wire) {
        server.otherwise(wire.echo(DIM + 1));

        assertTrue(failure(wire).getMessage().contains("vector 0 has dimension 4 but embedding.dimension is 3"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void wrongCountIsReported(Wire wire) {
        server.otherwise(body -> Reply.json(wire.reply(1, DIM)));

        assertTrue(failure(wire).getMessage().contains("expected 2 vectors but got 1"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unreachableServerIsReported(Wire wire) {
        EmbeddingProvider provider = provider(wire);
        String url = server.baseUrl() + wire.path;
        server.close();

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> provider.embed(List.of("a")));

        assertTrue(e.getMessage().startsWith(wire.name + " embedding via " + url + " failed: connection failed"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void modelAndDimensionMustBeConfigured(Wire wire) {
        List<String> problems = new ArrayList<>();
        for (EmbeddingSettings settings : List.of(
                EmbeddingSettings.of(wire.name, "", DIM, server.baseUrl(), Path.of("unused")),
                EmbeddingSettings.of(wire.name, "m", 0, server.baseUrl(), Path.of("unused")))) {
            problems.add(assertThrows(EmbeddingException.class, () -> wire.factory.apply(settings)).getMessage());
        }
        assertTrue(problems.get(0).contains("embedding.model is empty"), problems.get(0));
        assertTrue(problems.get(1).contains("embedding.dimension is 0"), problems.get(1));
    }
}
