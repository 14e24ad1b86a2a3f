package io.berth.core.plugin.verify;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Checks the class literals, enum constants and nested annotations inside an annotation's values. */
final class AnnotationScan extends AnnotationVisitor {

    private final ClassScan scan;
    private final String where;

    AnnotationScan(ClassScan scan, String where) {
        super(Opcodes.ASM9);
        this.scan = scan;
        this.where = where;
    }

    @Override
    public void visit(String name, Object value) {
        if (value instanceof Type type) {
            scan.type(where, type);
        }
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        scan.type(where, Type.getType(descriptor));
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
        return scan.annotation(where, descriptor);
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        return this;
    }
}
