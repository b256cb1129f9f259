package io.memtomem.locking;

public enum LockMode {
    EXCLUSIVE,
    /** Only used to classify a legacy holder (a shared probe fails only against an exclusive holder). */
    SHARED
}
