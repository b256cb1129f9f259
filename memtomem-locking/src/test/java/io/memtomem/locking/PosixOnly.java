package io.memtomem.locking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Tests of POSIX semantics (flock, unix attributes, symlinks, FIFOs, signals) that cannot run on a Windows runner;
 * the Windows branches they correspond to are exercised through {@code FakeOs.windows} in WindowsBranchesTest.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX-only semantics; Windows branches run via FakeOs.windows")
@interface PosixOnly {
}
