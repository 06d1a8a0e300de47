package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Finding a noexec mount in /proc/self/mountinfo text. */
class MountTableTest {

    private static final String MOUNTINFO = String.join(
            "\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "30 22 0:26 / /tmp rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw",
            "31 30 0:27 / /tmp/exec rw,relatime shared:6 - tmpfs tmpfs rw",
            "32 22 0:28 / /mnt/with\\040space rw,noexec - tmpfs tmpfs rw",
            "33 22 0:29 / /data rw,relatime - ext4 /dev/sdb1 rw",
            "34 22 0:30 / /data rw,noexec,relatime - tmpfs tmpfs rw",
            "");

    @Test
    void findsTheMountHoldingAPath() {
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/tmp"))).hasValue("/tmp");
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/tmp/x/y"))).hasValue("/tmp");
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/tmp/exec/lib")))
                .isEmpty();
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/home/user")))
                .isEmpty();
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/tmpfoo"))).isEmpty();
    }

    @Test
    void decodesEscapedMountPoints() {
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/mnt/with space/lib")))
                .hasValue("/mnt/with space");
    }

    @Test
    void theLastOfStackedMountsWins() {
        assertThat(MountTable.noexecMountPoint(MOUNTINFO, Path.of("/data/x"))).hasValue("/data");
    }

    @Test
    void toleratesGarbage() {
        assertThat(MountTable.noexecMountPoint("garbage\n\n1 2", Path.of("/tmp")))
                .isEmpty();
    }

    @Test
    void readsThisSystemsTable() {
        // The test's own temporary directory is where the build extracts libraries: not noexec.
        assertThat(MountTable.noexecMountPoint(Path.of(System.getProperty("java.io.tmpdir"))))
                .isEmpty();
    }
}
