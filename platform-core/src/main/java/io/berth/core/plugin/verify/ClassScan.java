package io.berth.core.plugin.verify;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Visits one class: its supertypes, the types its fields, record components and methods declare, the methods it may
 * not declare, and (through {@link MethodScan}) every reference in its code. Left out are what the JVM never resolves:
 * generic signatures, {@code throws} clauses, inner-class and nest attributes (the JVM checks nests from both sides),
 * and annotations invisible at run time, which plugins often carry from libraries they compile against but do not
 * ship ({@code @Nullable}).
 */
final class ClassScan extends ClassVisitor {

    private final References references;
    private final Violations violations;
    private String className = "?";

    ClassScan(References references, Violations violations) {
        super(Opcodes.ASM9);
        this.references = references;
        this.violations = violations;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = References.binaryName(name);
        if (superName != null) {
            supertype(superName);
        }
        for (String type : interfaces) {
            supertype(type);
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return visible ? annotation(Violation.CLASS_LEVEL, descriptor) : null;
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return visitAnnotation(descriptor, visible);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        declared(Violation.CLASS_LEVEL, descriptor);
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        declared(Violation.CLASS_LEVEL, descriptor);
        return new FieldVisitor(api) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return ClassScan.this.visitAnnotation(annotation, visible);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath path, String annotation,
                                                         boolean visible) {
                return ClassScan.this.visitAnnotation(annotation, visible);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        String method = name + descriptor;
        JdkAllowList.declarationDenial(access, name, descriptor)
                .ifPresent(rule -> report(method, className + "." + method, rule));
        declared(method, descriptor);
        return new MethodScan(this, method);
    }

    /** Checks a type referenced by internal name or array descriptor. */
    void type(String where, String type) {
        references.typeDenial(type).ifPresent(rule -> report(where, display(type), rule));
    }

    /** Checks a class literal or constant type: a class, an array, a method type, or a primitive (always fine). */
    void type(String where, Type type) {
        switch (type.getSort()) {
            case Type.OBJECT, Type.ARRAY -> type(where, type.getInternalName());
            case Type.METHOD -> declared(where, type.getDescriptor());
            default -> {
                // primitives and void
            }
        }
    }

    /** Checks the types a field or method descriptor names. */
    void declared(String where, String descriptor) {
        references.deniedIn(descriptor)
                .forEach(d -> report(where, References.binaryName(d.type()), d.reason()));
    }

    void member(String where, String owner, String name, String descriptor, boolean field) {
        references.memberDenial(owner, name, descriptor).ifPresent(rule ->
                report(where, display(owner) + "." + name + (field ? ":" : "") + descriptor, rule));
    }

    AnnotationVisitor annotation(String where, String descriptor) {
        type(where, Type.getType(descriptor));
        return new AnnotationScan(this, where);
    }

    void report(String where, String reference, String rule) {
        violations.add(new Violation(className, where, reference, rule));
    }

    private void supertype(String type) {
        references.supertypeDenial(type).ifPresent(rule -> report(Violation.CLASS_LEVEL, display(type), rule));
    }

    private static String display(String type) {
        return type.startsWith("[") ? Type.getType(type).getClassName() : References.binaryName(type);
    }
}
