package io.memtomem.server.http;

import io.memtomem.core.remote.HttpToken;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may talk to the HTTP server. Against DNS rebinding, the {@code Host} and any {@code Origin} must name this
 * server (loopback names, plus the bound address): a page on {@code http://evil.example} gets 403. Bound to a
 * non-loopback address, every request must also carry the store's bearer token ({@link HttpToken}).
 */
final class HttpGate {
    private final String host;
    private final Path tokenStoreDir;

    /** {@code tokenStoreDir}: where the required token lives, or null when none is required (loopback). */
    HttpGate(String host, Path tokenStoreDir) {
        this.host = host;
        this.tokenStoreDir = tokenStoreDir;
    }

    ServerTransportSecurityValidator originAndHost() {
        List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost", "[::1]"));
        String bound = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (!names.contains(bound) && !bound.equals("0.0.0.0") && !bound.equals("[::]")) {
            names.add(bound);
        }
        List<String> hosts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (String name : names) {
            hosts.add(name + ":*");
            origins.add("http://" + name + ":*");
        }
        return DefaultServerTransportSecurityValidator.builder().allowedHosts(hosts).allowedOrigins(origins).build();
    }

    boolean tokenRequired() {
        return tokenStoreDir != null;
    }

    /** Whether an {@code Authorization} header value carries the current token (read per request: rotation). */
    boolean authorized(String authorization) {
        if (tokenStoreDir == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return HttpToken.read(tokenStoreDir).map(token -> HttpToken.matches(token, authorization.substring(7).strip()))
                .orElse(false);
    }
}
