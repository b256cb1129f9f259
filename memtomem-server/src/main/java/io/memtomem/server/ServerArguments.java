package io.memtomem.server;

import io.memtomem.core.remote.HttpBind;

import java.util.Locale;

/**
 * {@code memtomem-server [--transport stdio|http] [--host H] [--port P]}: stdio (the default) takes no other option;
 * http listens on {@code H:P}, loopback {@value HttpBind#DEFAULT_HOST}:{@value HttpBind#DEFAULT_PORT} unless told
 * otherwise.
 */
record ServerArguments(boolean http, String host, int port) {
    static final String USAGE = "usage: memtomem-server [--transport stdio|http] [--host ADDRESS] [--port PORT]";

    /** Thrown with a one-line reason; Main prints it with {@link #USAGE} and exits 2. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static ServerArguments parse(String... args) throws Invalid {
        String transport = "stdio";
        String host = null;
        Integer port = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--transport") && !name.equals("--host") && !name.equals("--port")) {
                throw new Invalid("unknown argument '" + arg + "'");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new Invalid(name + " needs a value");
            }
            switch (name) {
                case "--transport" -> transport = value.toLowerCase(Locale.ROOT);
                case "--host" -> host = value;
                default -> port = port(value);
            }
        }
        if (transport.equals("streamable-http")) {
            transport = "http"; // the reference's spelling
        }
        if (!transport.equals("stdio") && !transport.equals("http")) {
            throw new Invalid("--transport must be stdio or http, not '" + transport + "'");
        }
        boolean http = transport.equals("http");
        if (!http && (host != null || port != null)) {
            throw new Invalid("--host and --port apply to --transport http only");
        }
        return new ServerArguments(http, host == null ? HttpBind.DEFAULT_HOST : host,
                port == null ? HttpBind.DEFAULT_PORT : port);
    }

    private static int port(String value) throws Invalid {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid("--port must be a number from 0 to 65535 (0 picks a free port), not '" + value + "'");
    }
}
