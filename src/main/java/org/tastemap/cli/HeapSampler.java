package org.tastemap.cli;

/** Samples the used heap every few milliseconds on a daemon thread and keeps the largest value. */
final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler(long periodMillis) {
        thread = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tastemap-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The largest used heap seen so far, in bytes. */
    long peak() {
        Runtime rt = Runtime.getRuntime();
        return Math.max(peak, rt.totalMemory() - rt.freeMemory());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
