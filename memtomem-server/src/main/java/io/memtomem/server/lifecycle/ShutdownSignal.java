package io.memtomem.server.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Fired once when the server should stop (stdin closed, parent gone); the main thread waits on it. */
public final class ShutdownSignal {
    private final CountDownLatch latch = new CountDownLatch(1);
    private final AtomicReference<String> reason = new AtomicReference<>();

    public void fire(String why) {
        if (reason.compareAndSet(null, why)) {
            latch.countDown();
        }
    }

    public boolean fired() {
        return latch.getCount() == 0;
    }

    /** Blocks until fired; returns why. */
    public String await() throws InterruptedException {
        latch.await();
        return reason.get();
    }
}
