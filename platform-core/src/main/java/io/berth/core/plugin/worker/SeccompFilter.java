package io.berth.core.plugin.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's seccomp filter: a classic BPF program (what {@code seccomp_export_bpf} writes, and what
 * {@code bwrap --seccomp FD} loads) built here without libseccomp. It is a deny-list on top of the namespaces: the
 * calls below fail with {@code EPERM}, {@code clone3} with {@code ENOSYS} (its flags sit in memory a filter cannot
 * read, and the C library then falls back to {@code clone}, whose flags it can), any other architecture or the x32 ABI
 * is refused, and everything else is allowed.
 *
 * <ul>
 *   <li>kernel and namespace administration: {@code mount}, {@code umount2}, {@code pivot_root}, {@code chroot},
 *   the new mount API, {@code setns}, {@code unshare}, {@code clone} with any {@code CLONE_NEW*} flag;</li>
 *   <li>tracing and introspection: {@code ptrace}, {@code process_vm_readv/writev}, {@code perf_event_open},
 *   {@code bpf}, {@code userfaultfd}, {@code kcmp}, {@code pidfd_getfd}, {@code syslog}, {@code lookup_dcookie};</li>
 *   <li>modules, keys, reboots, swap, clocks, host names, I/O ports, accounting, quotas, file handles;</li>
 *   <li>io_uring (its operations would bypass this filter);</li>
 *   <li>{@code socket} and {@code socketpair} of any family but {@code AF_UNIX} (there is no network in the sandbox
 *   anyway; this also stops netlink and raw sockets).</li>
 * </ul>
 */
final class SeccompFilter {

    static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    static final int X32_SYSCALL_BIT = 0x40000000;
    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7FFF0000;
    static final int EPERM = 1;
    static final int ENOSYS = 38;
    static final int AF_UNIX = 1;
    /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET and NEWTIME. */
    static final int CLONE_NEW_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000
            | 0x40000000 | 0x00000080;

    static final int NR_SOCKET = 41;
    static final int NR_SOCKETPAIR = 53;
    static final int NR_CLONE = 56;
    static final int NR_CLONE3 = 435;

    /** x86_64 numbers of the calls denied outright (from {@code asm/unistd_64.h}). */
    static final Map<String, Integer> DENIED = denied();

    // seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6] (little-endian: low word first)
    static final int OFFSET_NR = 0;
    static final int OFFSET_ARCH = 4;
    static final int OFFSET_ARG0_LOW = 16;

    static final short LD_W_ABS = 0x20;
    static final short JEQ_K = 0x15;
    static final short JGE_K = 0x35;
    static final short JSET_K = 0x45;
    static final short RET_K = 0x06;

    private SeccompFilter() {
    }

    private static Map<String, Integer> denied() {
        Map<String, Integer> m = new HashMap<>();
        Object[] table = {"ptrace", 101, "syslog", 103, "uselib", 134, "vhangup", 153, "pivot_root", 155,
            "adjtimex", 159, "chroot", 161, "acct", 163, "settimeofday", 164, "mount", 165, "umount2", 166,
            "swapon", 167, "swapoff", 168, "reboot", 169, "sethostname", 170, "setdomainname", 171, "iopl", 172,
            "ioperm", 173, "create_module", 174, "init_module", 175, "delete_module", 176, "quotactl", 179,
            "nfsservctl", 180, "lookup_dcookie", 212, "clock_settime", 227, "kexec_load", 246, "add_key", 248,
            "request_key", 249, "keyctl", 250, "unshare", 272, "perf_event_open", 298, "name_to_handle_at", 303,
            "open_by_handle_at", 304, "clock_adjtime", 305, "setns", 308, "process_vm_readv", 310,
            "process_vm_writev", 311, "kcmp", 312, "finit_module", 313, "kexec_file_load", 320, "bpf", 321,
            "userfaultfd", 323, "io_uring_setup", 425, "io_uring_enter", 426, "io_uring_register", 427,
            "open_tree", 428, "move_mount", 429, "fsopen", 430, "fsconfig", 431, "fsmount", 432, "fspick", 433,
            "pidfd_getfd", 438, "mount_setattr", 442, "quotactl_fd", 443};
        for (int i = 0; i < table.length; i += 2) {
            m.put((String) table[i], (Integer) table[i + 1]);
        }
        return Map.copyOf(m);
    }

    /** The filter for x86_64, as the bytes of a {@code struct sock_filter[]} in the host's byte order. */
    static byte[] x86_64() {
        Program p = new Program();
        p.load(OFFSET_ARCH);
        p.jumpIfEqual(AUDIT_ARCH_X86_64, null, "kill");
        p.load(OFFSET_NR);
        p.jumpIfAtLeast(X32_SYSCALL_BIT, "eperm", null);
        DENIED.values().stream().sorted().forEach(nr -> p.jumpIfEqual(nr, "eperm", null));
        p.jumpIfEqual(NR_CLONE3, "enosys", null);
        p.jumpIfEqual(NR_SOCKET, "socket", null);
        p.jumpIfEqual(NR_SOCKETPAIR, "socket", null);
        p.jumpIfEqual(NR_CLONE, "clone", null);
        p.ret(RET_ALLOW);
        p.label("socket");
        p.load(OFFSET_ARG0_LOW);
        p.jumpIfEqual(AF_UNIX, "allow", "eperm");
        p.label("clone");
        p.load(OFFSET_ARG0_LOW);
        p.jumpIfAnySet(CLONE_NEW_FLAGS, "eperm", "allow");
        p.label("allow");
        p.ret(RET_ALLOW);
        p.label("eperm");
        p.ret(RET_ERRNO | EPERM);
        p.label("enosys");
        p.ret(RET_ERRNO | ENOSYS);
        p.label("kill");
        p.ret(RET_KILL_PROCESS);
        return p.assemble();
    }

    /** Whether this JVM runs where {@link #x86_64()} applies. */
    static boolean supportedHere() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    /** A tiny assembler: forward jumps to labels, resolved to the 8-bit offsets classic BPF uses. */
    private static final class Program {
        private record Insn(short code, String jt, String jf, int k) {
        }

        private final List<Insn> insns = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();

        void load(int offset) {
            insns.add(new Insn(LD_W_ABS, null, null, offset));
        }

        void jumpIfEqual(int k, String jt, String jf) {
            insns.add(new Insn(JEQ_K, jt, jf, k));
        }

        void jumpIfAtLeast(int k, String jt, String jf) {
            insns.add(new Insn(JGE_K, jt, jf, k));
        }

        void jumpIfAnySet(int k, String jt, String jf) {
            insns.add(new Insn(JSET_K, jt, jf, k));
        }

        void ret(int k) {
            insns.add(new Insn(RET_K, null, null, k));
        }

        void label(String name) {
            labels.put(name, insns.size());
        }

        byte[] assemble() {
            ByteBuffer out = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.nativeOrder());
            for (int i = 0; i < insns.size(); i++) {
                Insn insn = insns.get(i);
                out.putShort(insn.code()).put(offset(i, insn.jt())).put(offset(i, insn.jf())).putInt(insn.k());
            }
            return out.array();
        }

        /** A null label is the next instruction. */
        private byte offset(int from, String label) {
            if (label == null) {
                return 0;
            }
            int target = labels.get(label);
            int delta = target - from - 1;
            if (delta < 0 || delta > 255) {
                throw new IllegalStateException("jump out of range to " + label);
            }
            return (byte) delta;
        }
    }
}
