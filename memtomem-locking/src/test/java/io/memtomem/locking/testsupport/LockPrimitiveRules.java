package io.memtomem.locking.testsupport;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.nio.channels.FileChannel;

/** Which lock primitive memtomem code may use; checked on this module and on every module together (memtomem-it). */
public final class LockPrimitiveRules {

    /**
     * {@code FileChannel.lock/tryLock} is an fcntl record lock on POSIX: the Python memtomem's {@code flock} never sees
     * it, and closing any other descriptor of the file in this JVM drops it. Only the Windows backend, where it is the
     * byte-range lock portalocker also takes, may call it.
     */
    public static final ArchRule NO_FILE_CHANNEL_LOCKS_OUTSIDE_WINDOWS_BACKEND = noClasses()
            .that().resideOutsideOfPackage("io.memtomem.locking.windows..")
            .should().callMethodWhere(target(owner(assignableTo(FileChannel.class)))
                    .and(target(nameMatching("lock|tryLock"))))
            .because("file locks go through the locking backend: flock(2) on POSIX, the Windows backend's byte range"
                    + " on Windows, the primitives the Python memtomem uses");

    private LockPrimitiveRules() {
    }
}
