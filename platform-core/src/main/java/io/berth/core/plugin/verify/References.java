package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.Type;

/**
 * Judges what plugin bytecode refers to: its own classes and the SDK are always allowed, JDK types and members as
 * {@link JdkAllowList} says, anything else is refused (a library the plugin did not bundle would fail to load anyway).
 * Verdicts are remembered, since a JAR refers to the same few thousand members over and over; so an instance serves
 * one verification on one thread.
 */
final class References {

    private static final String SDK = "io/berth/sdk/";

    private final Set<String> ownClasses;
    private final Map<String, Optional<String>> typeVerdicts = new HashMap<>();
    private final Map<Member, Optional<String>> memberVerdicts = new HashMap<>();
    private final Map<String, List<DeniedType>> descriptorVerdicts = new HashMap<>();

    /** A member as a reference names it; ASM hands out the same strings for one class, so keys hash cheaply. */
    private record Member(String owner, String name, String descriptor) {
    }

    /** @param ownClasses internal names of the classes in the plugin JAR */
    References(Set<String> ownClasses) {
        this.ownClasses = Set.copyOf(ownClasses);
    }

    /** Why a type (internal name or array descriptor) may not be referenced, if it may not. */
    Optional<String> typeDenial(String type) {
        return typeVerdicts.computeIfAbsent(type, this::judgeType);
    }

    private Optional<String> judgeType(String type) {
        String element = elementClass(type);
        if (element == null || isPluginOrSdk(element)) {
            return Optional.empty();
        }
        TypeRule rule = JdkAllowList.rule(element);
        return rule.allowsType() ? Optional.empty() : Optional.of(rule.reason());
    }

    /** Why a plugin class may not extend or implement this type, if it may not. */
    Optional<String> supertypeDenial(String type) {
        Optional<String> denial = typeDenial(type);
        if (denial.isPresent() || isPluginOrSdk(type)) {
            return denial;
        }
        TypeRule rule = JdkAllowList.rule(type);
        return rule.extendable() ? Optional.empty()
                : Optional.of("only some of its members are allowed, so it may not be extended: " + rule.reason());
    }

    /** A type a descriptor names that may not be referenced. */
    record DeniedType(String type, String reason) {
    }

    /** The types a field or method descriptor names that may not be referenced. */
    List<DeniedType> deniedIn(String descriptor) {
        return descriptorVerdicts.computeIfAbsent(descriptor, this::judgeDescriptor);
    }

    private List<DeniedType> judgeDescriptor(String descriptor) {
        List<DeniedType> denied = new ArrayList<>();
        for (Type type : typesIn(descriptor)) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                String name = element.getInternalName();
                typeDenial(name).ifPresent(reason -> denied.add(new DeniedType(name, reason)));
            }
        }
        return List.copyOf(denied);
    }

    /** Why a field or method may not be referenced through {@code owner}, if it may not. */
    Optional<String> memberDenial(String owner, String name, String descriptor) {
        Member member = new Member(owner, name, descriptor);
        Optional<String> verdict = memberVerdicts.get(member);
        if (verdict == null) {
            verdict = judgeMember(owner, name, descriptor);
            memberVerdicts.put(member, verdict);
        }
        return verdict;
    }

    private Optional<String> judgeMember(String owner, String name, String descriptor) {
        Optional<String> denial = JdkAllowList.anyOwnerDenial(name, descriptor).or(() -> typeDenial(owner));
        if (denial.isPresent()) {
            return denial;
        }
        if (!owner.startsWith("[") && !isPluginOrSdk(owner)) {
            denial = JdkAllowList.rule(owner).memberDenial(name, descriptor);
        }
        if (denial.isEmpty()) {
            denial = deniedIn(descriptor).stream().findFirst()
                    .map(d -> "its signature names " + binaryName(d.type()) + ": " + d.reason());
        }
        return denial;
    }

    boolean isPluginOrSdk(String internalName) {
        return ownClasses.contains(internalName) || internalName.startsWith(SDK);
    }

    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    /** The class an internal name or descriptor stands for, its element class for arrays, null for primitives. */
    private static String elementClass(String type) {
        if (!type.startsWith("[") && !type.endsWith(";")) {
            return type;
        }
        Type t = Type.getType(type);
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static List<Type> typesIn(String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSort() != Type.METHOD) {
            return List.of(type);
        }
        List<Type> types = new ArrayList<>(Arrays.asList(type.getArgumentTypes()));
        types.add(type.getReturnType());
        return types;
    }
}
