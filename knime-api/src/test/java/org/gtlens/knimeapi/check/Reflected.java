package org.gtlens.knimeapi.check;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the canonical {@link Sig} of compiled classes and members by reflection. */
final class Reflected {

    private Reflected() {
    }

    /** Canonical spelling of a reflected type (see {@link JavaTypes}). */
    static String render(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return render(c.getComponentType()) + "[]";
            }
            String n = c.getCanonicalName();
            return JavaTypes.simplifyJavaLang(n != null ? n : c.getName());
        }
        if (t instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(render(a));
            }
            Type owner = p.getOwnerType();
            String raw = render(p.getRawType());
            if (owner instanceof ParameterizedType) {
                raw = render(owner) + "." + ((Class<?>)p.getRawType()).getSimpleName();
            }
            return raw + "<" + String.join(", ", args) + ">";
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + render(w.getLowerBounds()[0]);
            }
            Type[] upper = w.getUpperBounds();
            if (upper.length == 0 || upper[0] == Object.class) {
                return "?";
            }
            return "? extends " + render(upper[0]);
        }
        if (t instanceof GenericArrayType g) {
            return render(g.getGenericComponentType()) + "[]";
        }
        throw new IllegalArgumentException("unknown type " + t);
    }

    static String typeParams(TypeVariable<?>[] vars) {
        List<String> out = new ArrayList<>();
        for (TypeVariable<?> v : vars) {
            Type[] bounds = v.getBounds();
            if (bounds.length == 1 && bounds[0] == Object.class) {
                out.add(v.getName());
            } else {
                List<String> b = new ArrayList<>();
                for (Type t : bounds) {
                    b.add(render(t));
                }
                out.add(v.getName() + " extends " + String.join(" & ", b));
            }
        }
        return String.join(", ", out);
    }

    static Set<String> modifiers(int m) {
        Set<String> s = new LinkedHashSet<>();
        if (Modifier.isPublic(m)) {
            s.add("public");
        }
        if (Modifier.isProtected(m)) {
            s.add("protected");
        }
        if (Modifier.isPrivate(m)) {
            s.add("private");
        }
        if (Modifier.isAbstract(m)) {
            s.add("abstract");
        }
        if (Modifier.isStatic(m)) {
            s.add("static");
        }
        if (Modifier.isFinal(m)) {
            s.add("final");
        }
        return s;
    }

    /** The name the list uses for a class: its canonical name. */
    static String name(Class<?> c) {
        return c.getCanonicalName();
    }

    static Sig of(Class<?> c) {
        String kind = c.isAnnotation() ? "@interface"
            : c.isInterface() ? "interface" : c.isEnum() ? "enum" : c.isRecord() ? "record" : "class";
        String superclass = null;
        if (kind.equals("class") && c.getSuperclass() != null && c.getSuperclass() != Object.class) {
            superclass = render(c.getGenericSuperclass());
        }
        List<String> interfaces = new ArrayList<>();
        for (Type t : c.getGenericInterfaces()) {
            interfaces.add(render(t));
        }
        String tps = typeParams(c.getTypeParameters());
        String header = Sig.typeHeader(modifiers(c.getModifiers() & ~Modifier.INTERFACE), kind, tps, superclass,
            interfaces);
        return new Sig(Sig.Kind.TYPE, name(c), name(c), deprecation(c), header,
            Modifier.isAbstract(c.getModifiers()) || c.isInterface(), Collections.emptySet(), "stand-in",
            new Sig.Shape(tps, superclass, List.copyOf(interfaces)));
    }

    private static Sig.Deprecation deprecation(AnnotatedElement e) {
        return Sig.Deprecation.of(e.getAnnotation(Deprecated.class));
    }

    static Sig of(Executable e) {
        Set<String> mods = modifiers(e.getModifiers());
        if (e instanceof Method m && m.isDefault()) {
            mods.add("default");
        }
        Sig.Deprecation dep = deprecation(e);
        List<String> params = new ArrayList<>();
        Type[] types = e.getGenericParameterTypes();
        if (types.length != e.getParameterCount()) {
            // generic signature absent for synthetic outer-instance parameters; fall back to raw types
            types = e.getParameterTypes();
        }
        for (int i = 0; i < types.length; i++) {
            String r = render(types[i]);
            if (e.isVarArgs() && i == types.length - 1) {
                r = r.substring(0, r.length() - 2) + "...";
            }
            params.add(r);
        }
        Set<String> throwsTypes = new TreeSet<>();
        for (Type t : e.getGenericExceptionTypes()) {
            throwsTypes.add(render(t));
        }
        String owner = name(e.getDeclaringClass());
        String tps = typeParams(e.getTypeParameters());
        if (e instanceof Constructor<?>) {
            String simple = e.getDeclaringClass().getSimpleName();
            return new Sig(Sig.Kind.CONSTRUCTOR, owner, simple, dep,
                Sig.executable(mods, tps, null, simple, params, throwsTypes), false, Set.of(), "stand-in",
                new Sig.Shape(tps, null, params));
        }
        Method m = (Method)e;
        String ret = render(m.getGenericReturnType());
        return new Sig(Sig.Kind.METHOD, owner, m.getName(), dep,
            Sig.executable(mods, tps, ret, m.getName(), params, throwsTypes), Modifier.isAbstract(m.getModifiers()),
            Set.of(), "stand-in", new Sig.Shape(tps, ret, params));
    }

    /** A field; an enum constant as the list writes it (a deprecated one as a field, see the list's header). */
    static Sig of(Field f) {
        Sig.Deprecation dep = deprecation(f);
        String owner = name(f.getDeclaringClass());
        if (f.isEnumConstant() && dep == Sig.Deprecation.NONE) {
            return new Sig(Sig.Kind.ENUM_CONSTANT, owner, f.getName(), dep, Sig.enumConstant(f.getName()), false,
                Set.of(), "stand-in", Sig.Shape.NONE);
        }
        String type = render(f.getGenericType());
        return new Sig(Sig.Kind.FIELD, owner, f.getName(), dep,
            Sig.field(modifiers(f.getModifiers()), type, f.getName()), false, Set.of(), "stand-in",
            new Sig.Shape("", type, List.of()));
    }

    /** Public or protected: the members and types the check covers. */
    static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Whether a class is reachable from outside its package (itself and every enclosing class public/protected). */
    static boolean isApiType(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!isApi(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The declared public/protected members of a class, in canonical form (no synthetic or bridge members). */
    static List<Sig> members(Class<?> c) {
        List<Sig> out = new ArrayList<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (isApi(k.getModifiers()) && !k.isSynthetic()) {
                out.add(of(k));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!isApi(m.getModifiers()) || m.isSynthetic() || m.isBridge() || isImplicitEnumMethod(c, m)) {
                continue;
            }
            out.add(of(m));
        }
        for (Field f : c.getDeclaredFields()) {
            if ((isApi(f.getModifiers()) || f.isEnumConstant()) && !f.isSynthetic()) {
                out.add(of(f));
            }
        }
        return out;
    }

    private static boolean isImplicitEnumMethod(Class<?> c, Member m) {
        if (!c.isEnum() || !(m instanceof Method method)) {
            return false;
        }
        return (method.getName().equals("values") && method.getParameterCount() == 0)
            || (method.getName().equals("valueOf") && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == String.class);
    }
}
