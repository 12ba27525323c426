package dev.lectern.arch.violations.scheduling;

/** A scheduler reading the clock, on purpose. */
public class ImpureScheduler {
    public long due() {
        return java.time.Instant.now().toEpochMilli() + new java.util.Random().nextInt(10);
    }
}
