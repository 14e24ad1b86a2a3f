package io.berth.core.plugin.verify;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/** Checks every reference in one method's code: calls, field accesses, types, constants and dynamic call sites. */
final class MethodScan extends MethodVisitor {

    private final ClassScan scan;
    private final String method;
    /** The instruction just before, or -1 after a label (a jump may arrive with another value). */
    private int previous = -1;

    MethodScan(ClassScan scan, String method) {
        super(Opcodes.ASM9);
        this.scan = scan;
        this.method = method;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        scan.member(method, owner, name, descriptor, false);
        if (JdkAllowList.needsSequentialFlag(owner, descriptor) && previous != Opcodes.ICONST_0) {
            scan.report(method, References.binaryName(owner) + "." + name + descriptor,
                    "the parallel flag must be the constant false: parallel streams run on the JVM-wide common pool");
        }
        previous = opcode;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        scan.member(method, owner, name, descriptor, true);
        previous = opcode;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        scan.type(method, type);
        previous = opcode;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        scan.type(method, descriptor);
        previous = Opcodes.MULTIANEWARRAY;
    }

    @Override
    public void visitLdcInsn(Object value) {
        constant(value);
        previous = Opcodes.LDC;
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        if (!JdkAllowList.isJavacBootstrap(bootstrap)) {
            scan.report(method, handle(bootstrap), "invokedynamic with a bootstrap method javac does not emit: "
                    + "method handles reach whatever reflection reaches");
        }
        scan.declared(method, descriptor);
        for (Object argument : arguments) {
            constant(argument);
        }
        previous = Opcodes.INVOKEDYNAMIC;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
            scan.type(method, type);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        previous = opcode;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        previous = opcode;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        previous = opcode;
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        previous = opcode;
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        previous = Opcodes.IINC;
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        previous = Opcodes.TABLESWITCH;
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        previous = Opcodes.LOOKUPSWITCH;
    }

    @Override
    public void visitLabel(Label label) {
        previous = -1;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return visible ? scan.annotation(method, descriptor) : null;
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        return visitAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return visitAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
        return new AnnotationScan(scan, method);
    }

    /** An LDC operand or bootstrap argument: class and method types, method handles, dynamic constants. */
    private void constant(Object value) {
        if (value instanceof Type type) {
            scan.type(method, type);
        } else if (value instanceof Handle handle) {
            boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
            scan.member(method, handle.getOwner(), handle.getName(), handle.getDesc(), field);
        } else if (value instanceof ConstantDynamic dynamic) {
            scan.report(method, "dynamic constant " + dynamic.getName() + " of "
                    + handle(dynamic.getBootstrapMethod()),
                    "javac does not emit dynamic constants for Java 17 code; their bootstraps run arbitrary code");
        }
    }

    private static String handle(Handle handle) {
        return References.binaryName(handle.getOwner()) + "." + handle.getName() + handle.getDesc();
    }
}
