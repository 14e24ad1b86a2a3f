package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * Decodes the generated program and runs it on a classic-BPF interpreter written here from the kernel's definition,
 * so the tests check what the kernel would decide for each system call, not how the program happens to be laid out.
 */
class SeccompFilterTest {

    private static final int ALLOW = SeccompFilter.RET_ALLOW;
    private static final int EPERM = SeccompFilter.RET_ERRNO | SeccompFilter.EPERM;
    private static final int ENOSYS = SeccompFilter.RET_ERRNO | SeccompFilter.ENOSYS;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int CLONE_THREAD_FLAGS = 0x003d0f00; // what glibc's pthread_create passes
    private static final int CLONE_NEWUSER = 0x10000000;
    private static final int CLONE_NEWNET = 0x40000000;

    private final byte[] program = SeccompFilter.x86_64();

    @Test
    void isAWellFormedClassicBpfProgram() {
        assertEquals(0, program.length % 8);
        int n = program.length / 8;
        assertTrue(n < 4096, "BPF_MAXINSNS");
        ByteBuffer b = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
        Set<Integer> codes = Set.of(0x20, 0x15, 0x35, 0x45, 0x06);
        for (int i = 0; i < n; i++) {
            int code = b.getShort(i * 8) & 0xFFFF;
            assertTrue(codes.contains(code), "opcode " + code);
            int jt = b.get(i * 8 + 2) & 0xFF;
            int jf = b.get(i * 8 + 3) & 0xFF;
            if (code != 0x06 && code != 0x20) {
                assertTrue(i + 1 + Math.max(jt, jf) < n, "jump beyond the end at " + i);
            }
        }
        assertEquals(0x06, b.getShort((n - 1) * 8) & 0xFFFF, "ends with a return");
    }

    @Test
    void allowsWhatTheJvmNeeds() {
        // read, write, mmap, futex, openat, execve, exit_group, prlimit64, wait4, clone for threads and processes
        for (int nr : new int[] {0, 1, 9, 202, 257, 59, 231, 302, 61}) {
            assertEquals(ALLOW, run(nr), "syscall " + nr);
        }
        assertEquals(ALLOW, run(SeccompFilter.NR_CLONE, CLONE_THREAD_FLAGS));
        assertEquals(ALLOW, run(SeccompFilter.NR_CLONE, 17 /* SIGCHLD: fork */));
        assertEquals(ALLOW, run(SeccompFilter.NR_SOCKET, SeccompFilter.AF_UNIX));
        assertEquals(ALLOW, run(SeccompFilter.NR_SOCKETPAIR, SeccompFilter.AF_UNIX));
    }

    @Test
    void deniesEveryListedCallWithEperm() {
        SeccompFilter.DENIED.forEach((name, nr) -> assertEquals(EPERM, run(nr), name));
        for (String name : new String[] {"ptrace", "mount", "umount2", "pivot_root", "kexec_load", "bpf",
            "perf_event_open", "keyctl", "add_key", "request_key", "userfaultfd", "init_module", "finit_module",
            "delete_module", "reboot", "swapon", "swapoff", "setns", "unshare", "io_uring_setup"}) {
            if (!SeccompFilter.DENIED.containsKey(name)) {
                fail(name + " is not denied");
            }
        }
    }

    @Test
    void deniesSocketsOtherThanUnix() {
        for (int family : new int[] {AF_INET, AF_INET6, AF_NETLINK, 17 /* AF_PACKET */}) {
            assertEquals(EPERM, run(SeccompFilter.NR_SOCKET, family), "family " + family);
            assertEquals(EPERM, run(SeccompFilter.NR_SOCKETPAIR, family), "family " + family);
        }
    }

    @Test
    void deniesCloneIntoNewNamespacesAndSendsClone3BackToClone() {
        assertEquals(EPERM, run(SeccompFilter.NR_CLONE, CLONE_NEWUSER));
        assertEquals(EPERM, run(SeccompFilter.NR_CLONE, 17 | CLONE_NEWNET));
        assertEquals(EPERM, run(SeccompFilter.NR_CLONE, 0x00020000 /* CLONE_NEWNS */));
        assertEquals(ENOSYS, run(SeccompFilter.NR_CLONE3, 0));
    }

    @Test
    void killsOtherArchitecturesAndRefusesX32() {
        assertEquals(SeccompFilter.RET_KILL_PROCESS, evaluate(0x40000003 /* AUDIT_ARCH_I386 */, 0, 0));
        assertEquals(SeccompFilter.RET_KILL_PROCESS, evaluate(0xC00000B7 /* AUDIT_ARCH_AARCH64 */, 0, 0));
        assertEquals(EPERM, run(SeccompFilter.X32_SYSCALL_BIT | 1));
    }

    private int run(int nr) {
        return run(nr, 0);
    }

    private int run(int nr, int arg0) {
        return evaluate(SeccompFilter.AUDIT_ARCH_X86_64, nr, arg0);
    }

    /** The kernel's classic BPF semantics for the instructions the filter may use, over a seccomp_data. */
    private int evaluate(int arch, int nr, int arg0Low) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, arch).putInt(16, arg0Low);
        ByteBuffer p = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
        int n = program.length / 8;
        int acc = 0;
        for (int pc = 0; pc < n; pc++) {
            int code = p.getShort(pc * 8) & 0xFFFF;
            int jt = p.get(pc * 8 + 2) & 0xFF;
            int jf = p.get(pc * 8 + 3) & 0xFF;
            int k = p.getInt(pc * 8 + 4);
            switch (code) {
                case 0x20 -> acc = data.getInt(k);
                case 0x15 -> pc += acc == k ? jt : jf;
                case 0x35 -> pc += Integer.compareUnsigned(acc, k) >= 0 ? jt : jf;
                case 0x45 -> pc += (acc & k) != 0 ? jt : jf;
                case 0x06 -> {
                    return k;
                }
                default -> fail("unexpected opcode " + code);
            }
        }
        return fail("fell off the end");
    }
}
