package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files javac would not write, made with ASM: they are refused all the same, with a problem or violation. */
class CraftedBytecodeTest {

    private static final Handle SYSTEM_EXIT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V",
            false);

    /** A public class {@code name} with one static method {@code run()V} whose code {@code code} writes. */
    private static byte[] clazz(String name, int version, Consumer<MethodVisitor> code) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(version, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        run.visitCode();
        code.accept(run);
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static byte[] clazz(String name, Consumer<MethodVisitor> code) {
        return clazz(name, Opcodes.V17, code);
    }

    private static Verification.Rejected rejected(String entryName, byte[] classFile) {
        return TestJars.rejected(TestJars.plugin(Map.of(entryName, classFile), entryName.replace('/', '.')));
    }

    private static void assertProblem(Verification.Rejected rejected, String expected) {
        List<String> problems = rejected.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in " + problems);
    }

    private static void assertViolation(Verification.Rejected rejected, String reference) {
        assertTrue(rejected.violations().stream().anyMatch(v -> v.reference().equals(reference)),
                () -> reference + " not in " + rejected.violations());
    }

    @Test
    void aClassForANewerJavaIsAProblem() {
        byte[] future = clazz("p/Plugin", BytecodeVerifier.SUPPORTED_MAJOR + 1, run -> { });

        assertProblem(rejected("p/Plugin", future), "p/Plugin.class: compiled for Java "
                + (Runtime.version().feature() + 1));
    }

    @Test
    void anUnreadableClassFileIsAProblemNotAnException() {
        byte[] damaged = clazz("p/Plugin", run -> { });
        byte[] truncated = java.util.Arrays.copyOf(damaged, 24);

        assertProblem(rejected("p/Plugin", truncated), "p/Plugin.class: not a readable class file");
    }

    @Test
    void aClassWhoseNameDoesNotMatchItsPathIsAProblem() {
        byte[] other = clazz("p/Other", run -> { });

        assertProblem(rejected("p/Plugin", other), "declares class p.Other, which does not match its path");
    }

    @Test
    void classesInJdkOrBerthPackagesAreProblems() {
        assertProblem(rejected("java/lang/Helper", clazz("java/lang/Helper", run -> { })),
                "plugin classes may not be put into java.*");
        assertProblem(rejected("io/berth/sdk/Tool", clazz("io/berth/sdk/Tool", run -> { })),
                "plugin classes may not be put into io.berth.*");
    }

    @Test
    void invokedynamicWithABootstrapOfItsOwnIsRefused() {
        Handle own = new Handle(Opcodes.H_INVOKESTATIC, "p/Plugin", "boot", "(Ljava/lang/invoke/MethodHandles$Lookup;"
                + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        byte[] plugin = clazz("p/Plugin", run -> run.visitInvokeDynamicInsn("go", "()V", own));

        assertViolation(rejected("p/Plugin", plugin), "p.Plugin.boot" + own.getDesc());
    }

    @Test
    void javacsBootstrapWithARefusedImplementationIsRefused() {
        Handle metafactory = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        org.objectweb.asm.Type intConsumer = org.objectweb.asm.Type.getMethodType("(I)V");
        byte[] plugin = clazz("p/Plugin", run -> {
            run.visitInvokeDynamicInsn("accept", "()Ljava/util/function/IntConsumer;", metafactory, intConsumer,
                    SYSTEM_EXIT, intConsumer);
            run.visitInsn(Opcodes.POP);
        });

        Verification.Rejected rejected = rejected("p/Plugin", plugin);
        assertViolation(rejected, "java.lang.System.exit(I)V");
        assertEquals(1, rejected.violations().size(), rejected.violations()::toString);
    }

    @Test
    void aDynamicConstantIsRefused() {
        Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                        + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        byte[] plugin = clazz("p/Plugin", run -> {
            run.visitLdcInsn(new ConstantDynamic("exit", "Ljava/lang/Object;", bootstrap, SYSTEM_EXIT));
            run.visitInsn(Opcodes.POP);
        });

        Verification.Rejected rejected = rejected("p/Plugin", plugin);
        assertTrue(rejected.violations().stream().anyMatch(v -> v.reference().startsWith("dynamic constant exit")),
                rejected.violations()::toString);
    }

    @Test
    void aMethodHandleConstantToARefusedMemberIsRefused() {
        byte[] plugin = clazz("p/Plugin", run -> {
            run.visitLdcInsn(SYSTEM_EXIT);
            run.visitInsn(Opcodes.POP);
        });

        assertViolation(rejected("p/Plugin", plugin), "java.lang.System.exit(I)V");
    }

    @Test
    void onlyAnnotationsVisibleAtRunTimeAreChecked() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Plugin", null, "java/lang/Object", null);
        writer.visitAnnotation("Ljava/beans/JavaBean;", true).visitEnd();
        writer.visitAnnotation("Ljavax/annotation/Nullable;", false).visitEnd();
        writer.visitEnd();

        Verification.Rejected rejected = rejected("p/Plugin", writer.toByteArray());
        assertEquals(List.of(new Violation("p.Plugin", Violation.CLASS_LEVEL, "java.beans.JavaBean",
                rejected.violations().get(0).rule())), rejected.violations());
    }

    @Test
    void violationsAreCappedAndMarkedTruncated() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Plugin", null, "java/lang/Object", null);
        for (int i = 0; i < Violations.MAX + 50; i++) {
            MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "exit" + i, "()V", null, null);
            m.visitCode();
            m.visitInsn(Opcodes.ICONST_0);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        writer.visitEnd();

        Verification.Rejected rejected = rejected("p/Plugin", writer.toByteArray());
        assertEquals(Violations.MAX, rejected.violations().size());
        assertTrue(rejected.truncated());
    }
}
