package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs JSON and returns the parsed JSON reply, retrying 429, 5xx, timeouts and connection failures with the
 * {@link RetryPolicy}. Every failure becomes an {@link EmbeddingException} naming the provider and URL.
 */
final class JsonHttpTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_EXCERPT_CHARS = 200;

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final RetryPolicy retry;

    JsonHttpTransport(String provider, Duration timeout, RetryPolicy retry) {
        this.provider = provider;
        this.timeout = timeout;
        this.retry = retry;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    JsonNode post(URI uri, Map<String, String> headers, Object body) {
        HttpRequest request = request(uri, headers, body);
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(uri, response.body());
                }
                failure = Failure.of(response);
            } catch (HttpTimeoutException e) {
                failure = new Failure("timed out after " + timeout.toMillis() + " ms", true, Optional.empty());
            } catch (IOException e) {
                failure = new Failure("connection failed: " + e, true, Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddingException(provider, uri.toString(), "interrupted while waiting for the reply", e);
            }
            if (!failure.retryable() || attempt == retry.maxAttempts()) {
                String attempts = attempt > 1 ? " (gave up after " + attempt + " attempts)" : "";
                throw new EmbeddingException(provider, uri.toString(), failure.problem() + attempts);
            }
            Duration backoff = retry.backoffAfter(attempt);
            pause(uri, failure.retryAfter().map(retry::cap).orElse(backoff));
        }
    }

    private HttpRequest request(URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json");
        headers.forEach(builder::header);
        try {
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new EmbeddingException(provider, uri.toString(), "could not encode the request: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(URI uri, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new EmbeddingException(provider, uri.toString(),
                    "malformed JSON in the reply: " + excerpt(new String(body, StandardCharsets.UTF_8)), e);
        }
    }

    private void pause(URI uri, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException(provider, uri.toString(), "interrupted during retry backoff", e);
        }
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= BODY_EXCERPT_CHARS ? flat : flat.substring(0, BODY_EXCERPT_CHARS) + "…";
    }

    /** One failed attempt: what went wrong, whether another attempt may help, and how long the server asked us to wait. */
    private record Failure(String problem, boolean retryable, Optional<Duration> retryAfter) {

        static Failure of(HttpResponse<byte[]> response) {
            int status = response.statusCode();
            String body = excerpt(new String(response.body(), StandardCharsets.UTF_8));
            String problem = "HTTP " + status + (body.isEmpty() ? "" : ": " + body) + hint(status);
            boolean retryable = status == 429 || status >= 500;
            return new Failure(problem, retryable, response.headers().firstValue("Retry-After").flatMap(Failure::delay));
        }

        private static String hint(int status) {
            return status == 401 || status == 403
                    ? " (check embedding.api_key or MEMTOMEM_EMBEDDING__API_KEY)"
                    : status == 404 ? " (check embedding.base_url and embedding.model)" : "";
        }

        /** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
        private static Optional<Duration> delay(String value) {
            String trimmed = value.trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }
}
