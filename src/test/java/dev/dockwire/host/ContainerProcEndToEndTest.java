package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container's /proc and what reads it: the mount table runc makes on a Debian 12 host with moby 28
 * (cgroup v2), {@code mount}, {@code df} in both flavours (BusyBox's every mount, GNU's one line per
 * device), {@code free}, {@code /proc/PID/cmdline} and {@code comm}, the machine's /proc/meminfo,
 * and writes to them refused.
 */
class ContainerProcEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void mountTableAsRuncMakesIt() {
        List<String> mounts = h.ok("docker run --rm -v data:/data --tmpfs /run:size=1m alpine cat /proc/mounts");
        assertTrue(mounts.get(0).startsWith("overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/"), mounts.get(0));
        assertTrue(mounts.get(0).endsWith("/work,nouserxattr 0 0"), mounts.get(0));
        assertEquals(List.of(
                "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0",
                "devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0",
                "sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0",
                "cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0",
                "mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0",
                "shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k,inode64 0 0",
                "/dev/sda1 /data ext4 rw,relatime,errors=remount-ro 0 0",
                "tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k,inode64 0 0",
                "/dev/sda1 /etc/resolv.conf ext4 rw,relatime,errors=remount-ro 0 0",
                "/dev/sda1 /etc/hostname ext4 rw,relatime,errors=remount-ro 0 0",
                "/dev/sda1 /etc/hosts ext4 rw,relatime,errors=remount-ro 0 0",
                "proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0"), mounts.subList(1, 14));
        assertEquals("tmpfs /sys/firmware tmpfs ro,relatime,inode64 0 0", mounts.get(mounts.size() - 1));
        assertEquals(List.of("shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)"),
                h.ok("docker run --rm alpine sh -c 'mount | grep shm'"));
        assertEquals(List.of("mount: permission denied (are you root?)"), h.fails("docker run --rm alpine mount -t tmpfs none /mnt", 255));
    }

    @Test
    void dfInBothFlavours() {
        assertEquals(List.of(
                "Filesystem                Size      Used Available Use% Mounted on",
                "overlay                  61.5G     15.6G     42.8G  27% /",
                "tmpfs                    64.0M         0     64.0M   0% /dev",
                "shm                      64.0M         0     64.0M   0% /dev/shm",
                "/dev/sda1                61.5G     15.6G     42.8G  27% /etc/resolv.conf",
                "/dev/sda1                61.5G     15.6G     42.8G  27% /etc/hostname",
                "/dev/sda1                61.5G     15.6G     42.8G  27% /etc/hosts",
                "tmpfs                     3.9G         0      3.9G   0% /proc/acpi",
                "tmpfs                    64.0M         0     64.0M   0% /proc/interrupts",
                "tmpfs                    64.0M         0     64.0M   0% /proc/kcore",
                "tmpfs                    64.0M         0     64.0M   0% /proc/keys",
                "tmpfs                    64.0M         0     64.0M   0% /proc/timer_list",
                "tmpfs                     3.9G         0      3.9G   0% /proc/scsi",
                "tmpfs                     3.9G         0      3.9G   0% /sys/firmware"), h.ok("docker run --rm alpine df -h"));
        assertEquals(List.of(
                "Filesystem      Size  Used Avail Use% Mounted on",
                "overlay          62G   16G   43G  27% /",
                "tmpfs            64M     0   64M   0% /dev",
                "shm              64M     0   64M   0% /dev/shm",
                "/dev/sda1        62G   16G   43G  27% /data",
                "tmpfs           3.9G     0  3.9G   0% /proc/acpi",
                "tmpfs           3.9G     0  3.9G   0% /proc/scsi",
                "tmpfs           3.9G     0  3.9G   0% /sys/firmware"), h.ok("docker run --rm -v data:/data debian df -h"));
        assertEquals(List.of("Filesystem           1K-blocks      Used Available Use% Mounted on",
                "/dev/sda1             64506732  16406652  44874744  27% /etc/hosts", "df: /nope: can't find mount point"),
                h.fails("docker run --rm alpine df /etc/hosts /nope", 1));
    }

    @Test
    void freeAndMeminfoAreTheMachines() {
        assertEquals(List.of(
                "              total        used        free      shared  buff/cache   available",
                "Mem:        8127828      646165     6339705       10159     1141958     7298788",
                "Swap:             0           0           0"), h.ok("docker run --rm alpine free"));
        assertEquals(List.of("MemTotal:        8127828 kB", "MemFree:         6339705 kB", "MemAvailable:    7298788 kB"),
                h.ok("docker run --rm alpine head -3 /proc/meminfo"));
        assertEquals(List.of("sh: can't create /proc/meminfo: Input/output error"),
                h.fails("docker run --rm alpine sh -c 'echo x > /proc/meminfo'", 1));
    }

    @Test
    void processesArgvAndName() {
        assertEquals(List.of("sh -c cat /proc/1/cmdline | tr '\\0' ' '; echo "),
                h.ok("docker run --rm alpine sh -c \"cat /proc/1/cmdline | tr '\\\\0' ' '; echo\""));
        h.ok("docker run -d --name p1 alpine sleep 100");
        assertEquals(List.of("sleep"), h.ok("docker exec p1 cat /proc/1/comm"));
        // docker exec runs them as docker run does
        assertEquals(List.of("Filesystem                Size      Used Available Use% Mounted on",
                "overlay                  61.5G     15.6G     42.8G  27% /"), h.ok("docker exec p1 df -h | head -2"));
        assertEquals("Mem:        8127828      646165     6339705       10159     1141958     7298788", h.ok("docker exec p1 free").get(1));
        assertEquals(List.of("proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)"), h.ok("docker exec p1 mount | grep ' /proc type'"));
        assertEquals(List.of("cat: can't open '/proc/77/cmdline': No such file or directory"),
                h.fails("docker exec p1 cat /proc/77/cmdline", 1));
    }
}
