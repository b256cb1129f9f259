package io.memtomem.server.transport;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The MCP channel: a private handle on fd 1 that only the SDK transport and {@link #writeFrame} write to. The SDK
 * writes each message while holding this stream's monitor, so a frame written here under the same monitor never
 * interleaves with one of the SDK's.
 */
public final class ProtocolOutput extends BufferedOutputStream {

    private volatile Runnable onFrameWritten = () -> {
    };

    public ProtocolOutput(OutputStream out) {
        super(out, 1 << 16);
    }

    /** Called after each message the SDK writes: it flushes once per message, after the line's newline. */
    public void onFrameWritten(Runnable listener) {
        onFrameWritten = listener;
    }

    @Override
    public void flush() throws IOException {
        super.flush();
        onFrameWritten.run();
    }

    /** fd 1, taken before {@code System.out} is pointed at stderr. */
    public static ProtocolOutput stdout() {
        return new ProtocolOutput(new FileOutputStream(FileDescriptor.out));
    }

    /** One JSON-RPC message on its own line, flushed. */
    public void writeFrame(String json) throws IOException {
        synchronized (this) {
            write(json.getBytes(StandardCharsets.UTF_8));
            write('\n');
            super.flush(); // not one of the SDK's frames
        }
    }
}
