package io.memtomem.server.http;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resumable SSE streams (MCP 2025-06-18, "Resumability and Redelivery"), which the SDK's servlet lacks: in MCP Java
 * SDK 2.1.0, {@code McpStreamableServerSession.replay(lastEventId)} returns {@code Flux.empty()} and nothing keeps
 * the events, and a client that drops a POST's stream loses the reply (the servlet closes the session transport
 * on the connection's end, and later sends go nowhere). So every SSE stream the SDK writes is recorded here
 * ({@link ResumableStream}) under ids of its own; the SDK is never told that a client went away, so it finishes the
 * stream into the record; and a GET with {@code Last-Event-ID} of a recorded stream in the same session gets what
 * followed that event, then the rest of the stream live, and ends with it. Other messages pass untouched. An ended
 * stream stays resumable for {@value #KEEP_ENDED_MINUTES} minutes, and not past a {@code DELETE} of its session; at
 * most {@value #MAX_STREAMS} are kept.
 */
final class SseResumption extends HttpFilter {
    static final long KEEP_ENDED_MINUTES = 5;
    static final int MAX_STREAMS = 256;
    private static final String EVENT_STREAM = "text/event-stream";

    private final ServerTransportSecurityValidator originAndHost;
    private final Map<String, ResumableStream> streams = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SseResumption(ServerTransportSecurityValidator originAndHost) {
        this.originAndHost = originAndHost;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String lastEventId = request.getHeader("Last-Event-ID");
        if ("GET".equals(request.getMethod()) && lastEventId != null && resume(request, response, lastEventId)) {
            return;
        }
        if ("DELETE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_OK) {
                forget(request.getHeader("Mcp-Session-Id")); // an ended session's streams end with it
            }
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Recording recording = new Recording(request.getHeader("Mcp-Session-Id"), response);
        chain.doFilter(recording.request(request), recording);
    }

    /** Takes up the stream {@code lastEventId} belongs to; false when no such stream is kept (the SDK gets the GET). */
    private boolean resume(HttpServletRequest request, HttpServletResponse response, String lastEventId)
            throws IOException {
        int dash = lastEventId.lastIndexOf('-');
        ResumableStream stream = dash < 0 ? null : stream(lastEventId.substring(0, dash));
        long after;
        try {
            after = dash < 0 ? -1 : Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException notOurs) {
            return false;
        }
        if (stream == null || after < 0) {
            return false;
        }
        try {
            originAndHost.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            response.sendError(e.getStatusCode(), e.getMessage());
            return true;
        }
        if (!stream.session.equals(request.getHeader("Mcp-Session-Id"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such stream in this session");
            return true;
        }
        response.setContentType(EVENT_STREAM);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        if (!stream.resume(after, new ResumableStream.Connection(response.getWriter(), async))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND); // the events after it are no longer kept
            async.complete();
        }
        return true;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private synchronized void forget(String session) {
        streams.values().removeIf(stream -> stream.session.equals(session));
    }

    private synchronized ResumableStream stream(String id) {
        return streams.get(id);
    }

    private synchronized ResumableStream open(String session, PrintWriter connection) {
        long expired = System.nanoTime() - Duration.ofMinutes(KEEP_ENDED_MINUTES).toNanos();
        streams.values().removeIf(stream -> stream.endedBefore(expired));
        List<String> oldest = new ArrayList<>(streams.keySet());
        for (int i = 0; streams.size() >= MAX_STREAMS; i++) {
            streams.remove(oldest.get(i));
        }
        ResumableStream stream = new ResumableStream(HexFormat.of().formatHex(bytes(16)), session,
                new ResumableStream.Connection(connection, null));
        streams.put(stream.id, stream);
        return stream;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * One request on its way to the SDK: if the SDK answers it with an event stream, the stream is recorded, and the
     * SDK's async context reports to the SDK only the end the SDK itself makes.
     */
    private final class Recording extends HttpServletResponseWrapper {
        private final String session;
        private ResumableStream stream;
        private PrintWriter writer;

        Recording(String session, HttpServletResponse response) {
            super(response);
            this.session = session;
        }

        HttpServletRequest request(HttpServletRequest request) {
            return new HttpServletRequestWrapper(request) {
                @Override
                public AsyncContext startAsync() {
                    return new SdkAsyncContext(super.startAsync(), Recording.this);
                }
            };
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            String type = getContentType();
            if (session == null || type == null || !type.startsWith(EVENT_STREAM)) {
                return super.getWriter();
            }
            if (writer == null) {
                stream = open(session, super.getWriter());
                writer = new PrintWriter(new EventWriter(stream));
            }
            return writer;
        }

        synchronized void ended() {
            if (stream != null) {
                stream.end();
            }
        }
    }

    /** Text as the SDK writes it, cut into events at the blank line that ends each, without the SDK's id lines. */
    private static final class EventWriter extends Writer {
        private final ResumableStream stream;
        private final StringBuilder pending = new StringBuilder();

        EventWriter(ResumableStream stream) {
            this.stream = stream;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            pending.append(chars, offset, length);
            for (int end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
                StringBuilder fields = new StringBuilder();
                for (String line : pending.substring(0, end).split("\n")) {
                    if (!line.startsWith("id:")) {
                        fields.append(line).append('\n');
                    }
                }
                pending.delete(0, end + 2);
                stream.event(fields.append('\n').toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * The async context the SDK holds: the SDK's listeners hear of the end only when the SDK itself completes it. A
     * client that went away makes the container end the real one, and the SDK would drop the stream (and a reply
     * still to come) at that; here it keeps writing into the record instead.
     */
    private static final class SdkAsyncContext implements AsyncContext {
        private final AsyncContext real;
        private final Recording recording;
        private final List<AsyncListener> listeners = new ArrayList<>();

        SdkAsyncContext(AsyncContext real, Recording recording) {
            this.real = real;
            this.recording = recording;
        }

        @Override
        public void complete() {
            recording.ended();
            try {
                real.complete();
            } catch (IllegalStateException alreadyOver) {
                // the container ended it when the client went away
            }
            List<AsyncListener> told;
            synchronized (listeners) {
                told = List.copyOf(listeners);
                listeners.clear();
            }
            for (AsyncListener listener : told) {
                try {
                    listener.onComplete(new AsyncEvent(this));
                } catch (IOException e) {
                    // the SDK's listener only releases its stream
                }
            }
        }

        @Override
        public void addListener(AsyncListener listener) {
            synchronized (listeners) {
                listeners.add(listener);
            }
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            addListener(listener);
        }

        @Override
        public ServletRequest getRequest() {
            return real.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return real.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return real.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            real.dispatch();
        }

        @Override
        public void dispatch(String path) {
            real.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            real.dispatch(context, path);
        }

        @Override
        public void start(Runnable run) {
            real.start(run);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
            return real.createListener(type);
        }

        @Override
        public void setTimeout(long timeout) {
            real.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return real.getTimeout();
        }
    }
}
