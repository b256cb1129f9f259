package io.memtomem.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.server.transport.CancellableCalls;
import io.memtomem.server.transport.RequestScreen;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTTP side of the checks both transports run before the SDK: the bearer token when one is required, then the
 * {@link RequestScreen} on each POSTed message. An answered message gets its JSON-RPC reply as
 * {@code application/json}; a cancellation is taken by {@link CancellableCalls} ({@code 202 Accepted}, as the SDK
 * answers notifications); anything else goes on to the SDK's servlet with the body it was sent (a tool call with the
 * key {@link CancellableCalls} gave it).
 */
final class ScreenFilter extends HttpFilter {
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final RequestScreen screen;
    private final CancellableCalls calls;
    private final HttpGate gate;
    private final ObjectMapper json;

    ScreenFilter(RequestScreen screen, CancellableCalls calls, HttpGate gate, ObjectMapper json) {
        this.screen = screen;
        this.calls = calls;
        this.gate = gate;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!gate.authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"memtomem\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "this server requires 'Authorization: Bearer <token>'; mm http-token prints the token");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        JsonNode message = parse(body);
        Optional<? extends JsonNode> answer = message == null ? Optional.empty() : screen.answer(message);
        if (answer.isPresent()) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(answer.get().toString());
            return;
        }
        String session = request.getHeader("Mcp-Session-Id");
        switch (message == null || session == null ? CancellableCalls.Fate.UNCHANGED : calls.admit(session, message)) {
            case CANCELLED, IGNORED -> response.setStatus(HttpServletResponse.SC_ACCEPTED);
            case TAGGED -> chain.doFilter(new BufferedBody(request, json.writeValueAsBytes(message)), response);
            case UNCHANGED -> chain.doFilter(new BufferedBody(request, body), response);
        }
    }

    /** The POSTed JSON object, or null for what the SDK refuses itself (too large, not JSON, not an object). */
    private JsonNode parse(byte[] body) {
        if (body.length > MAX_BODY) {
            return null;
        }
        try {
            JsonNode message = json.readTree(body);
            return message != null && message.isObject() ? message : null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The request with its body, already read here, readable again. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
