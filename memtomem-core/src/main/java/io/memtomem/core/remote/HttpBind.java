package io.memtomem.core.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a {@code --transport http} server listens by default, and the rule that decides whether a bind address needs
 * the bearer token: anything but a loopback address does. The server and {@code mm service install} both apply it.
 */
public final class HttpBind {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;

    private HttpBind() {
    }

    /** Whether {@code host} is a loopback address; empty when it does not resolve to an address at all. */
    public static Optional<Boolean> loopback(String host) {
        try {
            return Optional.of(InetAddress.getByName(host).isLoopbackAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
