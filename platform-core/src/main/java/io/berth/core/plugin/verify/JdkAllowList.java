package io.berth.core.plugin.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/**
 * The policy: which JDK types and members plugin bytecode may reference, and the one host API besides the SDK: the
 * constraint annotations of Jakarta Validation, which typed arguments carry. Anything not allowed here is refused; the
 * explicit refusals below exist only to give the author a precise reason. Names are JVM internal names.
 *
 * <p>A type is looked up by its exact name, then (for a nested type) through its enclosing type, then by the longest
 * package prefix (which covers sub-packages); nothing found means refused. A nested type shares its enclosing type's
 * verdict only when that type is allowed without member rules, since otherwise the rules would not reach it.
 *
 * <p>Decisions worth knowing:
 * <ul>
 * <li>{@code Thread.sleep}, {@code Object.wait/notify}: allowed. They only block the plugin's own call, which the
 * call time-out and interrupt already bound; a plugin can block just as well on a {@code BlockingQueue}. What is
 * refused is making threads: {@code new Thread}, {@code start}, pools, the common pool (parallel streams,
 * {@code CompletableFuture.*Async}), timers.</li>
 * <li>{@code java.util.concurrent}: allowed for its data structures, locks, atomics and futures; refused where it
 * runs code on other threads.</li>
 * <li>{@code java.net}: only {@code URI}, {@code URLEncoder} and {@code URLDecoder}, which are pure string work;
 * {@code URL} is refused because it opens connections (and {@code equals} resolves host names).</li>
 * <li>{@code Class}: names, casts and type tests only; everything that reflects, loads or reads resources is
 * refused.</li>
 * <li>A JDK member whose descriptor names a refused type is refused too ({@code Scanner(File)}), so no refused type
 * reaches a plugin through an allowed API.</li>
 * <li>{@code jakarta.validation}: the built-in constraints ({@code jakarta.validation.constraints}) and {@code @Valid}
 * only. The SDK checks them with the host's provider and its own messages; custom constraints, validators, payloads
 * and the bootstrap API are refused, since a plugin's validator or message would run inside the host's engine.</li>
 * </ul>
 */
final class JdkAllowList {

    static final String NOT_LISTED = "neither in the plugin, the SDK nor the allow-list of JDK APIs";

    private static final String THREADS =
            "threads and thread pools outlive the call and escape the tenant's bulkhead and time-out";
    private static final String COMMON_POOL =
            "runs plugin code on the JVM-wide common pool, outside the tenant's bulkhead and time-out";
    private static final String REFLECTION = "reflection reaches members, modules and class loaders the plugin was "
            + "not given";
    private static final String LOADERS = "loads or defines classes that no check has seen";
    private static final String FILES = "the host's file system; plugins keep data through ToolContext's store";
    private static final String NETWORK =
            "network access goes through ToolContext's egress HTTP, limited to the tenant's allowed hosts";
    private static final String PROCESSES = "starts, controls or ends operating-system processes or the JVM";
    private static final String GLOBAL = "changes JVM-wide state that every tenant shares";
    private static final String SERIALIZATION =
            "Java serialization runs hooks of arbitrary classes (deserialization gadgets)";
    private static final String NATIVE = "native code and off-heap memory are beyond the JVM's checks and heap limit";
    private static final String HOST_OUTPUT = "writes to the host's log or console; plugins log through ToolContext";
    private static final String PROPERTIES = "reads the host's system properties or environment";
    private static final String PINS_LOADER =
            "values stay on the host's pooled threads or classes and keep the plugin's class loader alive";
    private static final String INTERNAL = "JDK internals and unsupported APIs";
    private static final String VALIDATION = "only the built-in constraint annotations (jakarta.validation.constraints) "
            + "and @Valid are for plugins: the SDK validates typed arguments, and custom validators, payloads or "
            + "message interpolation would run inside the host's validation engine";

    private static final Map<String, TypeRule> TYPES = new HashMap<>();
    private static final Map<String, TypeRule> PACKAGES = new HashMap<>();

    static {
        // java.lang: plain values, text, arithmetic and the types the language itself needs.
        allow("java/lang/", "Object", "String", "StringBuilder", "StringBuffer", "CharSequence", "Comparable",
                "Iterable", "AutoCloseable", "Cloneable", "Runnable", "Readable", "Appendable", "Number", "Byte",
                "Short", "Float", "Double", "Character", "Void", "Math", "StrictMath", "Enum", "Record", "Throwable",
                "StackTraceElement", "Override", "Deprecated", "FunctionalInterface", "SafeVarargs",
                "SuppressWarnings");
        // (every java.lang *Exception and *Error is allowed too: see rule(String))
        type("java/lang/Integer", TypeRule.except(PROPERTIES, "getInteger"));
        type("java/lang/Long", TypeRule.except(PROPERTIES, "getLong"));
        type("java/lang/Boolean", TypeRule.except(PROPERTIES, "getBoolean"));
        type("java/lang/System", TypeRule.only("process-wide state: exit, environment, properties, standard "
                + "streams, native libraries, security manager", "currentTimeMillis", "nanoTime", "arraycopy",
                "identityHashCode", "lineSeparator"));
        type("java/lang/Thread", TypeRule.only(THREADS, "currentThread", "sleep", "interrupted", "isInterrupted",
                "interrupt", "onSpinWait"));
        type("java/lang/Class", TypeRule.only(REFLECTION, "getName", "getSimpleName", "getTypeName",
                "getCanonicalName", "getPackageName", "isInstance", "cast", "isAssignableFrom", "isArray",
                "isPrimitive", "isEnum", "isRecord", "isInterface", "isAnnotation", "getComponentType",
                "componentType", "arrayType", "desiredAssertionStatus", "equals", "hashCode", "toString",
                "getClass"));
        deny(PROCESSES, "java/lang/Runtime", "java/lang/Process", "java/lang/ProcessBuilder",
                "java/lang/ProcessHandle", "java/lang/Shutdown");
        deny(LOADERS, "java/lang/ClassLoader");
        deny(THREADS, "java/lang/ThreadGroup");
        deny(PINS_LOADER, "java/lang/ThreadLocal", "java/lang/InheritableThreadLocal", "java/lang/ClassValue");
        deny(REFLECTION, "java/lang/Module", "java/lang/ModuleLayer", "java/lang/Package", "java/lang/StackWalker");
        deny(GLOBAL, "java/lang/SecurityManager");
        denyPackage(REFLECTION, "java/lang/reflect/", "java/lang/module/", "java/lang/constant/");
        // Method handles reach whatever reflection reaches. javac's own bootstraps are allowed in invokedynamic
        // only (isJavacBootstrap), never as types a plugin can call.
        denyPackage(REFLECTION, "java/lang/invoke/", "java/lang/runtime/");
        denyPackage("redefines classes or watches the host", "java/lang/instrument/", "java/lang/management/");
        allowPackage("java/lang/annotation/");
        allowPackage("java/lang/ref/");
        deny("a Cleaner runs its actions on a thread of its own, outside every call", "java/lang/ref/Cleaner");

        // java.util: collections and utilities on the plugin's own objects.
        allowPackage("java/util/");
        deny(LOADERS, "java/util/ServiceLoader", "java/util/ResourceBundle", "java/util/ListResourceBundle",
                "java/util/PropertyResourceBundle");
        deny(THREADS, "java/util/Timer", "java/util/TimerTask");
        type("java/util/Arrays", TypeRule.except(COMMON_POOL, "parallel*"));
        type("java/util/Formatter", TypeRule.except(FILES, "<init>(Ljava/lang/String;"));
        denyPackage(HOST_OUTPUT, "java/util/logging/");
        denyPackage("persists to the host's user directory or registry", "java/util/prefs/");
        denyPackage("installs locale providers JVM-wide", "java/util/spi/");
        denyPackage(FILES, "java/util/jar/");
        denyPackage("ZipFile opens files; Inflater and Deflater hold native memory", "java/util/zip/");
        allow("java/util/zip/", "Checksum", "CRC32", "CRC32C", "Adler32");
        deny(THREADS, "java/util/concurrent/Executors", "java/util/concurrent/ThreadFactory",
                "java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ScheduledThreadPoolExecutor",
                "java/util/concurrent/ForkJoinPool", "java/util/concurrent/ForkJoinTask",
                "java/util/concurrent/ForkJoinWorkerThread", "java/util/concurrent/RecursiveAction",
                "java/util/concurrent/RecursiveTask", "java/util/concurrent/CountedCompleter",
                "java/util/concurrent/SubmissionPublisher");
        type("java/util/concurrent/CompletableFuture", TypeRule.except(COMMON_POOL + " or the JVM's delay thread",
                "*Async", "defaultExecutor", "delayedExecutor", "orTimeout", "completeOnTimeout"));
        type("java/util/concurrent/ConcurrentHashMap", TypeRule.except(COMMON_POOL, "*(J"));
        type("java/util/concurrent/ConcurrentHashMap$KeySetView", TypeRule.ALL); // what newKeySet() returns
        // StreamSupport is allowed, but its "parallel" flag must be a constant false: see needsSequentialFlag.

        allowPackage("java/time/");
        deny(GLOBAL, "java/time/zone/ZoneRulesProvider");
        allowPackage("java/math/");
        allowPackage("java/text/");
        denyPackage("installs text providers JVM-wide", "java/text/spi/");

        // java.io: in-memory streams, readers and writers only.
        denyPackage(FILES, "java/io/");
        allow("java/io/", "Serializable", "Closeable", "Flushable", "IOException", "UncheckedIOException",
                "EOFException", "UnsupportedEncodingException", "UTFDataFormatException", "CharConversionException",
                "InterruptedIOException", "InputStream", "OutputStream", "Reader", "Writer", "ByteArrayInputStream",
                "ByteArrayOutputStream", "CharArrayReader", "CharArrayWriter", "StringReader", "StringWriter",
                "BufferedInputStream", "BufferedOutputStream", "BufferedReader", "BufferedWriter",
                "InputStreamReader", "OutputStreamWriter", "FilterInputStream", "FilterOutputStream", "FilterReader",
                "FilterWriter", "DataInput", "DataOutput", "DataInputStream", "DataOutputStream",
                "PushbackInputStream", "PushbackReader", "SequenceInputStream", "LineNumberReader");
        type("java/io/PrintStream", TypeRule.except(FILES, "<init>(Ljava/lang/String;"));
        type("java/io/PrintWriter", TypeRule.except(FILES, "<init>(Ljava/lang/String;"));
        deny(SERIALIZATION, "java/io/ObjectInputStream", "java/io/ObjectOutputStream", "java/io/ObjectInput",
                "java/io/ObjectOutput", "java/io/Externalizable", "java/io/ObjectStreamClass",
                "java/io/ObjectInputFilter", "java/lang/invoke/SerializedLambda");

        // java.nio: heap buffers and charsets.
        denyPackage(FILES, "java/nio/");
        allow("java/nio/", "Buffer", "CharBuffer", "ShortBuffer", "IntBuffer", "LongBuffer", "FloatBuffer",
                "DoubleBuffer", "ByteOrder", "BufferOverflowException", "BufferUnderflowException",
                "ReadOnlyBufferException", "InvalidMarkException");
        type("java/nio/ByteBuffer", TypeRule.except(NATIVE, "allocateDirect"));
        denyPackage(NETWORK + "; files through ToolContext", "java/nio/channels/");
        allowPackage("java/nio/charset/");
        denyPackage("installs charset providers JVM-wide", "java/nio/charset/spi/");

        denyPackage(NETWORK, "java/net/", "javax/net/");
        allow("java/net/", "URI", "URISyntaxException", "URLEncoder", "URLDecoder");

        // Hashing, HMAC and random numbers; providers and policies are JVM-wide and stay out of reach.
        denyPackage(GLOBAL + " (security providers and policy)", "java/security/", "javax/crypto/");
        allow("java/security/", "MessageDigest", "SecureRandom", "Key", "GeneralSecurityException",
                "NoSuchAlgorithmException", "InvalidKeyException", "DigestException");
        allow("javax/crypto/", "Mac", "SecretKey", "ShortBufferException");
        allow("javax/crypto/spec/", "SecretKeySpec");

        denyPackage("databases go through ToolContext's store", "java/sql/", "javax/sql/");
        denyPackage(NETWORK, "java/rmi/", "javax/rmi/", "javax/naming/", "javax/management/");
        denyPackage(LOADERS, "javax/script/", "javax/tools/", "java/beans/");
        denyPackage("XML parsers resolve external entities (files, URLs)", "javax/xml/", "org/xml/", "org/w3c/");
        denyPackage("desktop APIs have no place on a server", "java/awt/", "javax/swing/", "javax/sound/",
                "javax/imageio/", "javax/print/");
        denyPackage(INTERNAL, "sun/", "com/sun/", "jdk/");
        deny(NATIVE, "sun/misc/Unsafe", "jdk/internal/misc/Unsafe");

        // Jakarta Validation, from the host (PluginClassLoader): the annotations typed arguments carry, nothing else.
        denyPackage(VALIDATION, "jakarta/validation/");
        allowPackage("jakarta/validation/constraints/");
        allow("jakarta/validation/", "Valid");
    }

    /**
     * Members refused whatever type a call names, because plugin classes can inherit them from allowed JDK types
     * (a call to {@code MyError.printStackTrace()} names {@code MyError}).
     */
    private static final Map<MemberPattern, String> ANY_OWNER = Map.of(
            MemberPattern.of("finalize()V"), "finalizers run on the JVM's finalizer thread, outside every call",
            MemberPattern.of("printStackTrace()V"), HOST_OUTPUT,
            MemberPattern.of("parallelStream()Ljava/util/stream/"), COMMON_POOL,
            MemberPattern.of("parallel()Ljava/util/stream/"), COMMON_POOL,
            MemberPattern.of("setDefault(Ljava/util/Locale"), GLOBAL + " (the default locale)",
            MemberPattern.of("setDefault(Ljava/util/TimeZone;)V"), GLOBAL + " (the default time zone)");

    /** The bootstrap methods javac emits for lambdas, string concatenation, records and switches, exactly. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;",
            "java/lang/invoke/LambdaMetafactory.altMetafactory(Ljava/lang/invoke/MethodHandles$Lookup;"
                    + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants(Ljava/lang/invoke/MethodHandles$Lookup;"
                    + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)"
                    + "Ljava/lang/invoke/CallSite;",
            "java/lang/invoke/StringConcatFactory.makeConcat(Ljava/lang/invoke/MethodHandles$Lookup;"
                    + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;",
            "java/lang/runtime/ObjectMethods.bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/TypeDescriptor;Ljava/lang/Class;Ljava/lang/String;"
                    + "[Ljava/lang/invoke/MethodHandle;)Ljava/lang/Object;",
            "java/lang/runtime/SwitchBootstraps.typeSwitch(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
            "java/lang/runtime/SwitchBootstraps.enumSwitch(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;");

    /** Methods Java serialization calls on the object being (de)serialized. */
    private static final Set<String> SERIALIZATION_HOOKS = Set.of("readObject(Ljava/io/ObjectInputStream;)V",
            "writeObject(Ljava/io/ObjectOutputStream;)V", "readObjectNoData()V", "readResolve()Ljava/lang/Object;",
            "writeReplace()Ljava/lang/Object;", "readExternal(Ljava/io/ObjectInput;)V",
            "writeExternal(Ljava/io/ObjectOutput;)V");

    /**
     * Packages a plugin may not put classes into: the JDK's, where they would pose as JDK classes, Jakarta
     * Validation's, which the plugin's loader takes from the host, and Berth's, where SDK classes would be shadowed by
     * the host's and others would pose as Berth in logs and stack traces. Berth's own sample plugins live in
     * {@code io.berth.examples}, which is not part of the host.
     */
    private static final List<String> RESERVED_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/w3c/", "org/xml/", "org/ietf/", "jakarta/validation/", "io/berth/");
    private static final String SAMPLE_PLUGINS = "io/berth/examples/";

    private JdkAllowList() {
    }

    /** The rule for a JDK type; {@link TypeRule.Kind#DENIED} with {@link #NOT_LISTED} when none applies. */
    static TypeRule rule(String type) {
        TypeRule exact = TYPES.get(type);
        if (exact != null) {
            return exact;
        }
        int nested = type.indexOf('$');
        if (nested > 0) {
            TypeRule outer = rule(type.substring(0, nested));
            return outer.kind() == TypeRule.Kind.ALL || !outer.allowsType() ? outer : TypeRule.denied(NOT_LISTED);
        }
        if (isLangThrowable(type)) {
            return TypeRule.ALL;
        }
        for (int slash = type.lastIndexOf('/'); slash > 0; slash = type.lastIndexOf('/', slash - 1)) {
            TypeRule rule = PACKAGES.get(type.substring(0, slash + 1));
            if (rule != null) {
                return rule;
            }
        }
        return TypeRule.denied(NOT_LISTED);
    }

    /** Why a member is refused whatever type a reference names, if it is. */
    static Optional<String> anyOwnerDenial(String name, String descriptor) {
        for (Map.Entry<MemberPattern, String> denied : ANY_OWNER.entrySet()) {
            if (denied.getKey().matches(name, descriptor)) {
                return Optional.of(denied.getValue());
            }
        }
        return Optional.empty();
    }

    static boolean isJavacBootstrap(Handle bootstrap) {
        return bootstrap.getTag() == Opcodes.H_INVOKESTATIC
                && JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName() + bootstrap.getDesc());
    }

    /**
     * True for the {@code StreamSupport} factories whose last argument asks for a parallel stream: the scan accepts
     * them only when that argument is the constant {@code false}.
     */
    static boolean needsSequentialFlag(String owner, String descriptor) {
        return owner.equals("java/util/stream/StreamSupport") && descriptor.contains("Z)");
    }

    /** Why a plugin may not declare this method, if it may not. */
    static Optional<String> declarationDenial(int access, String name, String descriptor) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            return Optional.of(NATIVE);
        }
        if ((access & Opcodes.ACC_STATIC) == 0 && name.equals("finalize") && descriptor.equals("()V")) {
            return Optional.of("finalizers run on the JVM's finalizer thread, outside every call");
        }
        if (SERIALIZATION_HOOKS.contains(name + descriptor)) {
            return Optional.of(SERIALIZATION + "; plugin objects are never serialized");
        }
        return Optional.empty();
    }

    /** The reserved package a plugin class would be in, if any. */
    static Optional<String> reservedPackage(String className) {
        return className.startsWith(SAMPLE_PLUGINS) ? Optional.empty()
                : RESERVED_PACKAGES.stream().filter(className::startsWith).findFirst();
    }

    /** Every java.lang exception and error: constructing, throwing and catching them is plain code. */
    private static boolean isLangThrowable(String type) {
        return type.startsWith("java/lang/") && type.indexOf('/', "java/lang/".length()) < 0
                && (type.endsWith("Exception") || type.endsWith("Error"));
    }

    private static void allow(String pkg, String... simpleNames) {
        for (String name : simpleNames) {
            TYPES.put(pkg + name, TypeRule.ALL);
        }
    }

    private static void type(String name, TypeRule rule) {
        TYPES.put(name, rule);
    }

    private static void deny(String reason, String... names) {
        for (String name : names) {
            TYPES.put(name, TypeRule.denied(reason));
        }
    }

    private static void allowPackage(String pkg) {
        PACKAGES.put(pkg, TypeRule.ALL);
    }

    private static void denyPackage(String reason, String... packages) {
        for (String pkg : packages) {
            PACKAGES.put(pkg, TypeRule.denied(reason));
        }
    }
}
