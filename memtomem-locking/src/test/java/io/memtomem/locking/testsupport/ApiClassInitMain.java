package io.memtomem.locking.testsupport;

/** Loads and initialises the named classes, then exits; run with class-load logging to see what they pulled in. */
public final class ApiClassInitMain {

    private ApiClassInitMain() {
    }

    public static void main(String[] classNames) throws ClassNotFoundException {
        for (String name : classNames) {
            Class.forName(name, true, ApiClassInitMain.class.getClassLoader());
        }
        System.out.println("INITIALISED " + classNames.length);
    }
}
